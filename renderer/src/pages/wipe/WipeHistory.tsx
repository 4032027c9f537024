// The certificates of sanitisation this vault has: when, by whom, what kind, and the SHA-256 its audit
// chain holds (the files themselves are where they were written).
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WipeHistoryItem } from '../../../../shared/contract';
import { currentLang } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { fileName } from '../../wizards/wipe/wipe-input';

export function WipeHistory({ wipes }: { wipes: WipeHistoryItem[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Table
      size="small"
      rowKey="wipeId"
      pagination={false}
      dataSource={wipes}
      data-testid="wipe-history"
      locale={{ emptyText: t('wipe.history.none') }}
      columns={[
        { title: t('wipe.history.at'), render: (_v, w) => formatDate(lang, w.at), width: 130 },
        { title: t('wipe.plan.kind'), render: (_v, w) => t(`wipe.history.kind.${w.kind}`), width: 110 },
        { title: t('wipe.history.by'), dataIndex: 'by', width: 100 },
        {
          title: t('wipe.history.file'),
          render: (_v, w) => (w.certificateJson ? fileName(w.certificateJson) : '—'),
        },
        {
          title: t('wipe.history.sha256'),
          render: (_v, w) => (
            <Typography.Text code copyable={{ text: w.certificateSha256 }}>
              {w.certificateSha256.slice(0, 16)}…
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
