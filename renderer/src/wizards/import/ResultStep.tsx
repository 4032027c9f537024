// The Import wizard's result: the counts, one row per file (export its quarantined rows, delete the
// plaintext file), the quarantined rows with their reasons, the SSD caveat, and Import more.
import { Alert, Button, Flex, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRunResult } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentLang } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { ChosenInput } from './chosen-input';
import { quarantineColumns, sourceColumns } from './result-columns';
import { useImportResult } from './use-import-result';

export function ResultStep({
  result,
  files,
  onRestart,
}: {
  result: ImportRunResult;
  files: ChosenInput[];
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const model = useImportResult(result, files);
  const { confirm, quarantine } = model;

  return (
    <Flex vertical gap={16} data-testid="import-result">
      <Alert
        type={result.totals.quarantined > 0 ? 'warning' : 'success'}
        showIcon
        data-testid="import-totals"
        data-imported={result.totals.imported}
        data-quarantined={result.totals.quarantined}
        title={t('importWizard.result.totals', {
          read: formatNumber(lang, result.totals.rowsRead),
          imported: formatNumber(lang, result.totals.imported),
          quarantined: formatNumber(lang, result.totals.quarantined),
        })}
      />
      {model.error ? <ErrorAlert error={model.error} /> : null}
      {model.exported ? (
        <Alert type="success" showIcon title={model.exported} data-testid="import-exported" />
      ) : null}
      <Table
        size="small"
        pagination={false}
        rowKey="sourceId"
        dataSource={result.inputs}
        onRow={(r) => ({ 'data-testid': 'import-source', 'data-sheet': r.sheet ?? '' }) as object}
        columns={sourceColumns(t, {
          deleted: model.deleted,
          onExport: (source) => void model.exportQuarantine(source),
          onDelete: model.setConfirm,
        })}
      />
      {quarantine.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('importWizard.result.quarantineTitle')}
          </Typography.Title>
          <Table
            size="small"
            data-testid="import-quarantine"
            rowKey={(q) => `${q.file}:${q.sheet ?? ''}:${q.row}`}
            dataSource={quarantine}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={quarantineColumns(t)}
          />
        </>
      ) : null}
      <Alert
        type="info"
        showIcon
        title={t('importWizard.result.ssdCaveat')}
        data-testid="import-ssd-caveat"
      />
      <Flex gap={8}>
        <Button type="primary" onClick={onRestart} data-testid="import-again">
          {t('importWizard.result.again')}
        </Button>
      </Flex>
      <Modal
        open={confirm !== null}
        title={t('importWizard.result.deleteTitle', {
          name: confirm !== null ? result.inputs[confirm].file : '',
        })}
        okText={t('importWizard.result.delete')}
        okButtonProps={{
          danger: true,
          ...({ 'data-testid': 'import-delete-confirm' } as Record<string, string>),
        }}
        cancelText={t('common.cancel')}
        onOk={() => confirm !== null && void model.deleteSource(confirm)}
        onCancel={() => model.setConfirm(null)}
      >
        <Typography.Paragraph>{t('importWizard.result.deleteBody')}</Typography.Paragraph>
        <Typography.Paragraph type="warning">{t('importWizard.result.ssdCaveat')}</Typography.Paragraph>
      </Modal>
    </Flex>
  );
}
