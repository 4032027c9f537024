// One record in full: its values with their validation status, classification and flags, its
// provenance (every source row: file, sheet, row, and the row as it was read), extra fields, and its
// history from the audit chain. Customer values are rendered as text only (never as HTML).
import { Alert, Descriptions, Drawer, Empty, Flex, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_FIELDS, type CustomerField, type CustomerRecord } from '../../../../shared/customer';
import { displayOf, fieldText, isValidated } from '../../../../shared/customer/columns';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OpNameText } from '../../components/OpNameText';
import { MONOSPACE } from '../../components/RecoveryKeyInput';
import { useOperation } from '../../hooks/use-operation';
import { currentLang } from '../../i18n';
import type { UiMessages } from '../../i18n/zh-CN';
import { formatTimestamp } from '../../i18n/format';
import { summariseParams } from '../audit/params-summary';
import { FlagTags, PhoneNumbers, StatusTag } from './record-cells';
import { categoryLabel } from '../../i18n/category';

/** A field's value with its validation status (fields.ts says which fields have one). */
function FieldValue({ record, field }: { record: CustomerRecord; field: CustomerField }) {
  const text = fieldText(field, record) || '—';
  const status = isValidated(field) ? record.status[field] : undefined;
  return (
    <Flex gap={6} align="center" wrap>
      <span
        data-testid={`record-${field}`}
        style={displayOf(field) === 'multiline' ? { whiteSpace: 'pre-wrap' } : undefined}
      >
        {text}
      </span>
      {status ? <StatusTag status={status} /> : null}
      {field === 'phone' ? <PhoneNumbers record={record} /> : null}
    </Flex>
  );
}

function RecordFields({ record }: { record: CustomerRecord }) {
  const { t } = useTranslation();
  const c = (key: keyof UiMessages['records']['columns']) => t(`records.columns.${key}`);
  return (
    <Descriptions size="small" column={1} bordered data-testid="record-fields">
      {CUSTOMER_FIELDS.map((field) => (
        <Descriptions.Item key={field} label={t(`fields.${field}`)}>
          <FieldValue record={record} field={field} />
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={c('type')}>{t(`records.type.${record.type}`)}</Descriptions.Item>
      <Descriptions.Item label={c('region')}>
        {t(`records.region.${record.region}`)}
        {record.regionCountry ? ` (${record.regionCountry})` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={c('category')}>
        {record.category === null ? t('records.filters.unmatched') : categoryLabel(record.category)}
      </Descriptions.Item>
      <Descriptions.Item label={c('flags')}>
        <FlagTags record={record} />
      </Descriptions.Item>
      <Descriptions.Item label={c('completeness')}>{record.completeness}</Descriptions.Item>
      <Descriptions.Item label={c('cluster')}>{record.cluster ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={c('disposition')}>
        {record.disposition ? (
          <span>
            {t(`records.disposition.${record.disposition}`)}
            {record.dispositionBasis ? ` · ${record.dispositionBasis}` : ''}
            {record.retainUntil ? ` · ${t('records.retainUntil', { date: record.retainUntil })}` : ''}
            {record.dispositionRecipient ? ` · ${record.dispositionRecipient}` : ''}
          </span>
        ) : (
          <Tag color="orange">{t('records.filters.noDisposition')}</Tag>
        )}
      </Descriptions.Item>
      {record.overrides.length ? (
        <Descriptions.Item label={c('overrides')}>{record.overrides.join(', ')}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

export function RecordDetailDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const detail = useOperation('records.get', { id });
  const value = detail.state.status === 'ok' ? detail.state.value : null;
  return (
    <Drawer
      open
      size={640}
      onClose={onClose}
      title={t('records.detail.title', { id })}
      data-testid="record-detail"
      destroyOnHidden
    >
      {detail.state.status === 'loading' ? <Skeleton active /> : null}
      {detail.state.status === 'error' ? <ErrorAlert error={detail.state.error} /> : null}
      {value ? (
        <Flex vertical gap={24}>
          {value.record.mergedInto !== null ? (
            <Alert type="info" showIcon title={t('records.detail.merged', { id: value.record.mergedInto })} />
          ) : null}
          <RecordFields record={value.record} />

          <section data-testid="record-sources">
            <Typography.Title level={5}>{t('records.detail.sources')}</Typography.Title>
            <Flex vertical gap={12}>
              {value.sources.map((s) => (
                <div key={s.customerId} data-testid="record-source">
                  <Typography.Text strong data-testid="record-source-ref">
                    {s.file}
                    {s.sheet ? ` · ${s.sheet}` : ''} · {t('records.detail.row', { row: s.row })}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {' '}
                    · {s.format.toUpperCase()} · {formatTimestamp(lang, s.importedAt)}
                  </Typography.Text>
                  {s.rawFields ? (
                    <Descriptions size="small" column={1} bordered style={{ marginTop: 6 }}>
                      {Object.entries(s.rawFields).map(([k, v]) => (
                        <Descriptions.Item key={k} label={k}>
                          {v}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  ) : (
                    <pre
                      data-testid="record-source-raw"
                      style={{
                        fontFamily: MONOSPACE,
                        fontSize: 12,
                        whiteSpace: 'pre-wrap',
                        wordBreak: 'break-all',
                        margin: '6px 0 0',
                        padding: 8,
                        background: 'rgba(127,127,127,0.08)',
                        borderRadius: 6,
                      }}
                    >
                      {s.raw}
                    </pre>
                  )}
                </div>
              ))}
            </Flex>
          </section>

          <section data-testid="record-extra">
            <Typography.Title level={5}>{t('records.detail.extra')}</Typography.Title>
            {Object.keys(value.record.extra).length === 0 ? (
              <Typography.Text type="secondary">{t('records.detail.noExtra')}</Typography.Text>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                columns={[
                  { title: t('records.detail.extraField'), dataIndex: 'key', width: 200 },
                  { title: t('records.detail.extraValue'), dataIndex: 'value' },
                ]}
                dataSource={Object.entries(value.record.extra).map(([key, v]) => ({ key, value: v }))}
              />
            )}
          </section>

          <section data-testid="record-history">
            <Typography.Title level={5}>{t('records.detail.history')}</Typography.Title>
            {value.history.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.detail.noHistory')} />
            ) : (
              <Timeline
                items={value.history.map((h) => ({
                  key: h.seq,
                  content: (
                    <div data-testid="record-history-entry">
                      <OpNameText recorded={h.op} />{' '}
                      <Typography.Text type="secondary">
                        {formatTimestamp(lang, h.at)} · {h.userName ?? '—'} · #{h.seq}
                      </Typography.Text>
                      <div style={{ fontSize: 12 }}>{summariseParams(h.params, h.counts)}</div>
                    </div>
                  ),
                }))}
              />
            )}
          </section>
        </Flex>
      ) : null}
    </Drawer>
  );
}
