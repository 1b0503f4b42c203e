import { View } from '@tarojs/components';
import type { ChangeEvent } from 'react';
import './workbook-picker.h5.scss';

export interface Workbook {
  name: string;
  data: ArrayBuffer;
}

export interface WorkbookPickerProps {
  label: string;
  disabled?: boolean;
  onPick: (workbook: Workbook) => void;
  onError: (error: unknown) => void;
}

/** The file's bytes. FileReader rather than Blob.arrayBuffer(): an office PC's browser may predate that. */
function readBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/**
 * H5 (the bureau's office PC): the browser's own file input, laid over a label drawn as the app's button, so a
 * click or the keyboard opens the file dialog. The input is cleared after each pick, so the same file (fixed
 * and saved again) can be picked again.
 */
export default function WorkbookPicker({ label, disabled, onPick, onError }: WorkbookPickerProps) {
  const picked = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    try {
      onPick({ name: file.name, data: await readBytes(file) });
    } catch (error) {
      onError(error);
    } finally {
      input.value = '';
    }
  };
  return (
    <View
      className={`sp-btn sp-btn--secondary sp-btn--block excel__pick ${disabled ? 'sp-btn--disabled' : ''}`}
    >
      <label className="excel__pick-label">
        {label}
        <input
          className="excel__file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={label}
          disabled={disabled}
          onChange={(e) => void picked(e)}
        />
      </label>
    </View>
  );
}
