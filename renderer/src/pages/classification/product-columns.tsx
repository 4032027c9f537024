// The product review table's columns: the value (and its other spellings), its records (unmatched ones
// linked to the Records page), the category now, the taxonomy's suggestion with its kind, and the row's
// own actions: accept the suggestion, or file it under another category.
import { CheckOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { ProductValue } from '../../../../shared/contract';
import { CountLink } from '../../components/CountLink';
import { categoryLabel } from '../../i18n/category';

interface RowActions {
  canFile: boolean;
  busy: boolean;
  options: Array<{ value: string; label: string }>;
  onFile: (value: string, category: string | null) => void;
}

export function productColumns(
  t: TFunction,
  { canFile, busy, options, onFile }: RowActions,
): TableColumnsType<ProductValue> {
  return [
    {
      title: t('classification.products.value'),
      key: 'value',
      render: (_: unknown, v) => (
        <Space size={4} wrap>
          <Typography.Text>{v.value}</Typography.Text>
          {v.spellings > 0 ? (
            <Tag>{t('classification.products.spellings', { count: v.spellings })}</Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('classification.products.records'), dataIndex: 'records', key: 'records' },
    {
      title: t('classification.products.category'),
      key: 'category',
      render: (_: unknown, v) => (
        <Space size={4} wrap data-testid="product-category" data-category={v.category ?? ''}>
          {v.category === null ? (
            <Tag color="warning">{t('classification.category.unmatched')}</Tag>
          ) : (
            categoryLabel(v.category)
          )}
          {v.rule !== null ? <Tag color="blue">{t('classification.products.ruled')}</Tag> : null}
          {v.unmatched > 0 && v.category !== null ? (
            <CountLink n={v.unmatched} filter={{ category: null }} testId="product-unmatched" />
          ) : null}
        </Space>
      ),
    },
    {
      title: t('classification.products.suggestion'),
      key: 'suggestion',
      render: (_: unknown, v) =>
        v.suggestion ? (
          <Space size={4} wrap>
            {categoryLabel(v.suggestion.categoryId)}
            <Tag>{t(`classification.products.kinds.${v.suggestion.kind}`)}</Tag>
          </Space>
        ) : (
          '—'
        ),
    },
    ...(canFile
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, v: ProductValue) => (
              <Space size={4}>
                {v.suggestion && (v.rule === null || v.rule !== v.suggestion.categoryId) ? (
                  <Button
                    size="small"
                    icon={<CheckOutlined />}
                    disabled={busy}
                    onClick={() => onFile(v.value, v.suggestion!.categoryId)}
                    data-testid="product-accept"
                  >
                    {t('classification.products.accept')}
                  </Button>
                ) : null}
                <Select
                  size="small"
                  showSearch
                  optionFilterProp="label"
                  style={{ minWidth: 160 }}
                  placeholder={t('classification.products.change')}
                  disabled={busy}
                  value={null}
                  options={options}
                  onChange={(category: string) => onFile(v.value, category)}
                  data-testid="product-change"
                />
              </Space>
            ),
          },
        ]
      : []),
  ];
}
