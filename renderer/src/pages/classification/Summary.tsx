// The classification summary: counts by customer type, region (with countries), product category and
// flag, each a link to the Records page filtered to exactly the records it counts.
import { Card, Col, Flex, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerStats } from '../../../../shared/contract';
import type { RecordFilter } from '../../../../shared/records';
import { CountLink } from '../../components/CountLink';
import { categoryLabel } from '../../i18n/category';

const FLAG_FILTERS: Record<keyof CustomerStats['flags'], RecordFilter | null> = {
  sensitive: { flags: { sensitive: true } },
  minor: { flags: { minor: true } },
  stale: { flags: { stale: true } },
  invalid_id_number: { status: { idNumber: 'invalid' } },
  invalid_credit_code: { status: { creditCode: 'invalid' } },
  invalid_phone: { status: { phone: 'invalid' } },
  invalid_email: { status: { email: 'invalid' } },
  formula_like: { flags: { formulaLike: true } },
  incomplete: { flags: { incomplete: true } },
  type_doubtful: { flags: { typeDoubtful: true } },
  region_conflict: { flags: { regionConflict: true } },
  // The Records page has no filter for a missing order date.
  no_activity_date: null,
};

function CountList({
  prefix,
  entries,
}: {
  prefix: string;
  entries: Array<{ key: string; label: string; n: number; filter: RecordFilter | null }>;
}) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      showHeader={false}
      dataSource={entries}
      columns={[
        { dataIndex: 'label', key: 'label' },
        {
          key: 'n',
          align: 'right',
          render: (_: unknown, e: (typeof entries)[number]) => (
            <CountLink n={e.n} filter={e.filter} testId={`${prefix}-${e.key}`} />
          ),
        },
      ]}
    />
  );
}

export function Summary({ stats }: { stats: CustomerStats }) {
  const { t } = useTranslation();
  const categories = Object.entries(stats.categories).sort(([a], [b]) =>
    a === 'unmatched' ? 1 : b === 'unmatched' ? -1 : 0,
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card title={t('classification.type.title')}>
          <CountList
            prefix="count-type"
            entries={(['individual', 'business', 'unknown'] as const).map((k) => ({
              key: k,
              label: t(`classification.type.${k}`),
              n: stats.type[k],
              filter: { type: k },
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card title={t('classification.region.title')}>
          <CountList
            prefix="count-region"
            entries={(['mainland', 'hk_mo_tw', 'overseas', 'unknown'] as const).map((k) => ({
              key: k,
              label: t(`classification.region.${k}`),
              n: stats.region[k],
              filter: { region: k },
            }))}
          />
          <Flex wrap gap={4} style={{ marginTop: 8 }}>
            {Object.entries(stats.countries).map(([country, n]) => (
              <Tag key={country}>
                {country}{' '}
                <CountLink n={n} filter={{ regionCountry: country }} testId={`count-country-${country}`} />
              </Tag>
            ))}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card title={t('classification.category.title')}>
          <CountList
            prefix="count-category"
            entries={categories.map(([name, n]) => ({
              key: name,
              label: name === 'unmatched' ? t('classification.category.unmatched') : categoryLabel(name),
              n,
              filter: { category: name === 'unmatched' ? null : name },
            }))}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t('classification.flags.title')}>
          <Row gutter={[16, 8]}>
            {(Object.keys(stats.flags) as Array<keyof CustomerStats['flags']>).map((flag) => (
              <Col xs={12} md={6} key={flag}>
                <Statistic
                  title={t(`classification.flags.${flag}`)}
                  valueRender={() => (
                    <CountLink
                      n={stats.flags[flag]}
                      filter={FLAG_FILTERS[flag]}
                      testId={`count-flag-${flag}`}
                    />
                  )}
                />
              </Col>
            ))}
            <Col xs={12} md={6}>
              <Statistic
                title={t('classification.duplicates')}
                valueRender={() => (
                  <CountLink
                    n={stats.duplicates.records}
                    filter={{ cluster: true }}
                    testId="count-duplicates"
                  />
                )}
              />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
