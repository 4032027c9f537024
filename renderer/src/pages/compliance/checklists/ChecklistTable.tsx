// The checklist items of the regimes that apply: status, article, item and what the vault shows, with
// the answer by hand where the vault holds no evidence.
import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ItemStatus } from '../../../../../shared/contract';
import { ITEM_STATUS_TEXT, REGIME_TEXT } from '../../../../../shared/compliance/labels';
import { useBi } from '../../../i18n/bilingual';

const COLOURS: Record<ItemStatus, string> = {
  met: 'green',
  'not-met': 'red',
  'not-applicable': 'default',
  open: 'gold',
};

export function ChecklistTable({
  items,
  canAnswer,
  canRemove,
  onAnswer,
  onRemove,
}: {
  items: ChecklistItem[];
  canAnswer: boolean;
  canRemove: boolean;
  onAnswer: (item: ChecklistItem) => void;
  onRemove: (item: ChecklistItem) => void;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  const columns: TableColumnsType<ChecklistItem> = [
    {
      title: t('compliance.checklists.columns.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, item) => (
        <Flex vertical gap={2} align="start">
          <Tag color={COLOURS[item.status]} data-testid="item-status">
            {bi(ITEM_STATUS_TEXT[item.status])}
          </Tag>
          {item.source === 'hand' ? <Tag>{t('compliance.checklists.byHand')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('compliance.checklists.columns.article'),
      key: 'article',
      width: 190,
      render: (_: unknown, item) => (
        <Flex vertical>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {bi(REGIME_TEXT[item.regime])}
          </Typography.Text>
          <Typography.Text>{item.article}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('compliance.checklists.columns.item'), key: 'item', render: (_: unknown, i) => bi(i.title) },
    {
      title: t('compliance.checklists.columns.evidence'),
      key: 'evidence',
      render: (_: unknown, item) => (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{bi(item.evidence)}</Typography.Text>
          {item.answer ? (
            <Typography.Text style={{ fontSize: 12 }} data-testid="item-answer">
              {item.answer.note}
              {item.answer.file
                ? ` · ${item.answer.file.name} (SHA-256 ${item.answer.file.sha256.slice(0, 12)}…)`
                : ''}
            </Typography.Text>
          ) : null}
          <Flex gap={8}>
            {canAnswer && item.source !== 'evidence' ? (
              <Button size="small" onClick={() => onAnswer(item)} data-testid="item-answer-button">
                {t('compliance.checklists.answer')}
              </Button>
            ) : null}
            {canRemove && item.regime === 'company' ? (
              <Button size="small" danger onClick={() => onRemove(item)} data-testid="item-remove">
                {t('compliance.checklists.removeItem')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      ),
    },
  ];
  return (
    <Table<ChecklistItem>
      data-testid="checklist"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      pagination={false}
      onRow={(item) => ({ 'data-item': item.id, 'data-status': item.status }) as object}
    />
  );
}
