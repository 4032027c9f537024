// The recovery key, typed: one monospace field and, under it, the 13 groups lit as they check out, with
// the first problem named ("group 5 looks mistyped") before anything is sent to the engine.
import { Flex, Input, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { recoveryKeyFeedback, type GroupState } from './recovery-key-groups';

export const MONOSPACE = "'JetBrains Mono', 'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace";

export function RecoveryKeyInput({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const feedback = recoveryKeyFeedback(value ?? '');
  const colour: Record<GroupState, string> = {
    empty: token.colorFillSecondary,
    partial: token.colorPrimaryBorder,
    ok: token.colorSuccess,
    mistyped: token.colorError,
    character: token.colorError,
  };
  const problem = feedback.firstProblem;
  const message = feedback.tooLong
    ? { text: t('recoveryKey.tooLong'), type: 'danger' as const }
    : problem
      ? {
          text:
            problem.kind === 'character'
              ? t('recoveryKey.groupCharacter', { group: problem.group, char: problem.char })
              : t('recoveryKey.groupMistyped', { group: problem.group }),
          type: 'danger' as const,
        }
      : feedback.complete
        ? { text: t('recoveryKey.allGood'), type: 'success' as const }
        : { text: t('recoveryKey.groupsTyped', { count: feedback.typed }), type: 'secondary' as const };
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        id={id}
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
        autoSize={{ minRows: 2, maxRows: 3 }}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="characters"
        placeholder="XXXXX-XXXXX-XXXXX-…"
        style={{ fontFamily: MONOSPACE, fontSize: 15, letterSpacing: 0.5 }}
        data-testid="recovery-key-input"
      />
      <Flex gap={3} aria-hidden data-testid="recovery-key-groups">
        {feedback.groups.map((state, i) => (
          <div
            key={i}
            title={t('recoveryKey.group', { group: i + 1 })}
            data-state={state}
            style={{ flex: 1, height: 5, borderRadius: 2, background: colour[state] }}
          />
        ))}
      </Flex>
      <Typography.Text
        type={message.type}
        style={{ fontSize: 13 }}
        data-testid="recovery-key-feedback"
        data-complete={feedback.complete}
        aria-live="polite"
      >
        {message.text}
      </Typography.Text>
    </Flex>
  );
}
