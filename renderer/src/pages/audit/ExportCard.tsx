// The export for auditors (CSV + signed JSON + certificate + signed checkpoints) into a chosen folder,
// and the files it wrote. Owners and auditors only: others see why the button is off.
import { ExportOutlined, FileOutlined, FolderOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MONOSPACE } from '../../components/RecoveryKeyInput';
import { ToolCard } from '../../components/ToolCard';
import { useAuditExport } from './use-audit-export';

export function ExportCard({ onExported }: { onExported: () => void }) {
  const { t } = useTranslation();
  const { allowed, busy, files, error, exportAudit } = useAuditExport(onExported);

  const button = (
    <Button
      icon={<ExportOutlined />}
      onClick={() => void exportAudit()}
      loading={busy}
      disabled={!allowed}
      data-testid="audit-export"
    >
      {t('audit.export')}
    </Button>
  );
  return (
    <ToolCard
      icon={<ExportOutlined />}
      title={t('audit.exportTitle')}
      hint={t('audit.exportHint')}
      testId="audit-export-card"
    >
      <div>{allowed ? button : <Tooltip title={t('audit.exportNotAllowed')}>{button}</Tooltip>}</div>
      {files ? (
        <div data-testid="audit-exported">
          <Typography.Text type="secondary">{t('audit.exported')}</Typography.Text>
          <ul style={{ margin: '6px 0 0', paddingInlineStart: 4, listStyle: 'none' }}>
            {files.map((name) => (
              <li
                key={name}
                data-testid="audit-exported-file"
                style={{ fontFamily: MONOSPACE, fontSize: 12 }}
              >
                {name.endsWith('.checkpoints') ? <FolderOutlined /> : <FileOutlined />} {name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} title={t('audit.exportFailed')} /> : null}
    </ToolCard>
  );
}
