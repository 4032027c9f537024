// Export of what the Records page shows (the same search and filters): choose a format, choose where in
// the save dialog, then follow the job; the file is complete or absent, never half written.
import { ExportOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RECORD_EXPORT_FORMATS,
  type RecordExportFormat,
  type RecordFilter,
} from '../../../../shared/records';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useChooseFile } from '../../hooks/use-choose-file';
import { useJob } from '../../hooks/use-job';
import { currentLang } from '../../i18n';
import { baseName } from '../../i18n/format';
import { useSession } from '../../session/session-context';

const EXTENSIONS: Record<RecordExportFormat, string> = {
  csv: 'csv',
  'csv-gb18030': 'csv',
  xlsx: 'xlsx',
  json: 'json',
};

export function RecordsExport({
  query,
  filter,
  count,
}: {
  query: string;
  filter: RecordFilter;
  count: number;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<RecordExportFormat>('csv');
  const dialog = useChooseFile();
  const job = useJob('records.export');
  const running = job.state.status === 'running';
  const done = job.state.status === 'finished' && job.state.outcome === 'succeeded' ? job.state.value : null;

  const start = async () => {
    const stamp = new Date().toISOString().slice(0, 10);
    const chosen = await dialog.choose({
      kind: 'save',
      purpose: 'records-export',
      suggestedName: `closeout-records-${stamp}.${EXTENSIONS[format]}`,
    });
    if (!chosen) return;
    job.start({
      query: query || undefined,
      filter,
      format,
      headers: currentLang(),
      file: { handle: chosen.handle },
    });
  };

  return (
    <>
      <Button
        icon={<ExportOutlined />}
        onClick={() => setOpen(true)}
        disabled={!can('records.export')}
        data-testid="records-export"
      >
        {t('records.export.button')}
      </Button>
      <Modal
        open={open}
        title={t('records.export.title')}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden={false}
        data-testid="records-export-dialog"
      >
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{t('records.export.hint', { count })}</Typography.Text>
          <Radio.Group
            value={format}
            onChange={(e) => setFormat(e.target.value as RecordExportFormat)}
            disabled={running}
            data-testid="records-export-format"
          >
            <Flex vertical gap={6}>
              {RECORD_EXPORT_FORMATS.map((f) => (
                <Radio key={f} value={f} data-testid={`records-export-format-${f}`}>
                  {t(`records.export.formats.${f}`)}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('records.export.formulaNote')}
          </Typography.Text>
          <div>
            <Button
              type="primary"
              onClick={() => void start()}
              loading={running}
              data-testid="records-export-start"
            >
              {t('records.export.choose')}
            </Button>
          </div>
          <JobProgress state={job.state} onCancel={job.cancel} cancelError={job.cancelError} />
          {done ? (
            <Typography.Text data-testid="records-exported" type="success">
              {t('records.export.done', { count: done.count, file: baseName(done.path) })}
            </Typography.Text>
          ) : null}
          {dialog.error ? <ErrorAlert error={dialog.error} /> : null}
        </Flex>
      </Modal>
    </>
  );
}
