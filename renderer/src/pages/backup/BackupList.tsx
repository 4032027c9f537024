// The list of copies on the Backup page (newest first; copies retention deleted are counted, not listed),
// with Verify a backup file… for a copy that is not listed, and Reload.
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupRecord } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentLang } from '../../i18n';
import { backupColumns } from './backup-columns';
import type { RestoreSource } from './use-restore';
import type { BackupsModel } from './use-backups';

export function BackupList({
  model,
  onRestore,
}: {
  model: BackupsModel;
  onRestore: (source: RestoreSource) => void;
}) {
  const { t } = useTranslation();
  const { list, listed, pruned, mayAct, busy } = model;
  const columns = backupColumns({
    t,
    lang: currentLang(),
    mayAct,
    busy,
    runListed: (kind, record) => void model.runListed(kind, record),
    onRestore,
  });
  return (
    <Card
      title={t('backup.listTitle')}
      extra={
        <Space size={4}>
          {mayAct ? (
            <Button
              size="small"
              icon={<SafetyCertificateOutlined />}
              disabled={busy}
              onClick={() => void model.runCheck('verify')}
              data-testid="backup-verify-file"
            >
              {t('backup.verifyFile')}
            </Button>
          ) : null}
          <Button size="small" icon={<ReloadOutlined />} onClick={list.reload} data-testid="backup-reload">
            {t('backup.reload')}
          </Button>
        </Space>
      }
      data-testid="backup-list"
    >
      {!mayAct ? (
        <Typography.Paragraph type="secondary" data-testid="backup-list-only">
          {t('backup.listOnly')}
        </Typography.Paragraph>
      ) : null}
      {list.state.status === 'loading' ? (
        <Skeleton active />
      ) : list.state.status === 'error' ? (
        <ErrorAlert error={list.state.error} />
      ) : listed.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('backup.empty')}
          data-testid="backup-empty"
        />
      ) : (
        <Table<BackupRecord>
          data-testid="backup-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={listed}
          pagination={false}
          tableLayout="fixed"
        />
      )}
      {pruned > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="backup-deleted-hidden">
          {t('backup.deletedHidden', { count: pruned })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
