import { View } from '@tarojs/components';
import Section from '@/components/section';
import SpButton from '@/components/sp-button';
import {
  outcomeOf,
  outcomeText,
  personText,
  refusedLines,
  summaryText,
  type GroupAnswer,
} from '@/lib/group-results';
import './group-results.scss';

export interface GroupResultsProps {
  answer: GroupAnswer;
  /** Put the refused people's lines back in the box, to fix and send only those. */
  onRetryRefused: (lines: string[]) => void;
  onCopyRefused: (text: string) => void;
  onMine: () => void;
  onNewList: () => void;
}

/** 团体报名's answer: a summary line, then every person with their outcome, in the order of the list. */
export default function GroupResults({
  answer,
  onRetryRefused,
  onCopyRefused,
  onMine,
  onNewList,
}: GroupResultsProps) {
  const refused = refusedLines(answer);
  return (
    <>
      <Section title="报名结果">
        <View className="group-results__summary" role="status">
          {summaryText(answer.results)}
        </View>
        {answer.results.map((r, i) => (
          <View key={i} className={`group-results__row group-results__row--${outcomeOf(r)}`}>
            <View className="group-results__person">
              {i + 1}. {personText(r, answer.lines[i])}
            </View>
            <View className="group-results__outcome">{outcomeText(r)}</View>
          </View>
        ))}
      </Section>
      {refused.length ? (
        <>
          <View className="group-results__note">
            未报上的 {refused.length} 人可以放回名单，改好后只提交这 {refused.length} 人。
          </View>
          <SpButton block className="group-results__action" onClick={() => onRetryRefused(refused)}>
            修改未报上的 {refused.length} 人
          </SpButton>
          <SpButton
            block
            variant="secondary"
            className="group-results__action"
            onClick={() => onCopyRefused(refused.join('\n'))}
          >
            复制未报上的名单
          </SpButton>
        </>
      ) : null}
      <SpButton
        block
        variant={refused.length ? 'secondary' : 'primary'}
        className="group-results__action"
        onClick={onMine}
      >
        查看我的报名
      </SpButton>
      <SpButton block variant="secondary" className="group-results__action" onClick={onNewList}>
        再报一批
      </SpButton>
    </>
  );
}
