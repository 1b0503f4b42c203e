/** H5 has no camera scanner: staff type the code shown under the attendee's QR. */
export const CAN_SCAN = false;
export async function scanCode(): Promise<string | null> {
  return null;
}
