// Backup health of one vault in the Dashboard's list.
import { WarningOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VaultSummary } from '../../../../shared/contract';
import { currentLang } from '../../i18n';
import { formatDateTime } from '../../i18n/format';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Backup health from the registry, so it shows without unlocking: the last successful restore drill,
 * days since the newest verified copy, and a red marker while a failed verification stands. Whether a
 * backup disk is attached does not matter here: no warning for a disk kept elsewhere.
 */
export function BackupHealth({ vault, now }: { vault: VaultSummary; now: number }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const days =
    vault.lastVerifiedBackupAt === null
      ? null
      : Math.max(0, Math.floor((now - new Date(vault.lastVerifiedBackupAt).getTime()) / DAY_MS));
  return (
    <Flex vertical gap={2} data-testid="vault-backup-health">
      {vault.lastVerifyFailure ? (
        <Tooltip
          title={t('dashboard.health.failedHint', {
            date: formatDateTime(lang, vault.lastVerifyFailure.at),
          })}
        >
          <Tag color="red" icon={<WarningOutlined />} data-testid="vault-verify-failed">
            {t('dashboard.health.failed')}
          </Tag>
        </Tooltip>
      ) : null}
      <Typography.Text style={{ fontSize: 12 }} data-testid="vault-restorable">
        {vault.lastRestoreVerifiedAt
          ? t('dashboard.health.restorable', { date: formatDateTime(lang, vault.lastRestoreVerifiedAt) })
          : t('dashboard.health.neverRestored')}
      </Typography.Text>
      <Typography.Text
        type="secondary"
        style={{ fontSize: 12 }}
        data-testid="vault-days-since-verified"
        data-days={days ?? 'never'}
      >
        {days === null
          ? t('dashboard.health.noVerified')
          : t('dashboard.health.daysSinceVerified', { count: days })}
      </Typography.Text>
    </Flex>
  );
}
