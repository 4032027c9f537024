// The columns of the Backup page's list of copies: created, file name (never its folder), size, on disk,
// last verification, drills, and for those who may act, Verify, Restore drill and Restore per copy.
import { ExperimentOutlined, RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { BackupRecord } from '../../../../shared/contract';
import { MONOSPACE } from '../../components/RecoveryKeyInput';
import type { Lang } from '../../i18n';
import { baseName, formatDateTime } from '../../i18n/format';
import { formatBytes } from './format-bytes';
import type { RestoreSource } from './use-restore';
import type { ActionKind } from './use-backups';

interface BackupColumnsOptions {
  t: TFunction;
  lang: Lang;
  /** Verify, drill and restore per copy (owners, operators). */
  mayAct: boolean;
  /** A job or dialog is under way: the row actions wait. */
  busy: boolean;
  runListed: (kind: ActionKind, record: BackupRecord) => void;
  onRestore: (source: RestoreSource) => void;
}

export function backupColumns({
  t,
  lang,
  mayAct,
  busy,
  runListed,
  onRestore,
}: BackupColumnsOptions): TableColumnsType<BackupRecord> {
  const columns: TableColumnsType<BackupRecord> = [
    {
      title: t('backup.columns.created'),
      dataIndex: 'createdAt',
      width: 150,
      render: (iso: string) => formatDateTime(lang, iso),
    },
    {
      title: t('backup.columns.file'),
      dataIndex: 'path',
      render: (path: string) => (
        <Typography.Text
          style={{ fontFamily: MONOSPACE, fontSize: 12 }}
          ellipsis={{ tooltip: baseName(path) }}
          data-testid="backup-row-file"
        >
          {baseName(path)}
        </Typography.Text>
      ),
    },
    {
      title: t('backup.columns.size'),
      dataIndex: 'size',
      width: 90,
      align: 'right',
      render: (size: number) => formatBytes(lang, size),
    },
    {
      title: t('backup.columns.present'),
      dataIndex: 'present',
      width: 80,
      render: (present: boolean) => (
        <Tag
          color={present ? 'green' : 'red'}
          data-testid="backup-row-present"
          data-present={String(present)}
        >
          {present ? t('backup.present') : t('backup.missing')}
        </Tag>
      ),
    },
    {
      title: t('backup.columns.verified'),
      key: 'verified',
      width: 150,
      render: (_: unknown, record) =>
        record.lastVerifiedAt === null ? (
          <Typography.Text type="secondary" data-testid="backup-row-verified" data-ok="never">
            {t('backup.never')}
          </Typography.Text>
        ) : (
          <Space
            size={2}
            orientation="vertical"
            data-testid="backup-row-verified"
            data-ok={String(record.lastVerifyOk)}
          >
            <Tag color={record.lastVerifyOk ? 'green' : 'red'}>
              {record.lastVerifyOk ? t('backup.verifiedOk') : t('backup.verifiedFailed')}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(lang, record.lastVerifiedAt)}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: t('backup.columns.drills'),
      key: 'drills',
      width: 130,
      render: (_: unknown, record) => {
        const last = record.drills.at(-1);
        return (
          <Space
            size={2}
            orientation="vertical"
            data-testid="backup-row-drills"
            data-count={record.drills.length}
          >
            {last ? (
              <>
                <Tag color={last.ok ? 'green' : 'red'}>
                  {t('backup.drillsCount', { count: record.drills.length })}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(lang, last.at)}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{t('backup.drillsNone')}</Typography.Text>
            )}
          </Space>
        );
      },
    },
  ];
  if (mayAct)
    columns.push({
      title: t('backup.columns.actions'),
      key: 'actions',
      width: 230,
      render: (_: unknown, record) => (
        <Space size={4} wrap>
          <Button
            size="small"
            icon={<SafetyCertificateOutlined />}
            disabled={busy || !record.present}
            onClick={() => runListed('verify', record)}
            data-testid="backup-row-verify"
          >
            {t('backup.verify')}
          </Button>
          <Button
            size="small"
            icon={<ExperimentOutlined />}
            disabled={busy || !record.present}
            onClick={() => runListed('drill', record)}
            data-testid="backup-row-drill"
          >
            {t('backup.drill')}
          </Button>
          <Button
            size="small"
            icon={<RollbackOutlined />}
            disabled={busy || !record.present}
            onClick={() => onRestore({ backupId: record.id, name: baseName(record.path) })}
            data-testid="backup-row-restore"
          >
            {t('backup.rowRestore')}
          </Button>
        </Space>
      ),
    });
  return columns;
}
