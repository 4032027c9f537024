// An operation's name as an audit entry recorded it, shown under today's name (old vaults carry names
// that were renamed since); the recorded one stays visible on hover.
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentOpName } from '../../../shared/contract/renamed';

export function OpNameText({ recorded }: { recorded: string }) {
  const { t } = useTranslation();
  const current = currentOpName(recorded);
  const text = (
    <Typography.Text code data-op={current}>
      {current}
    </Typography.Text>
  );
  if (current === recorded) return text;
  return <Tooltip title={t('audit.recordedAs', { op: recorded })}>{text}</Tooltip>;
}
