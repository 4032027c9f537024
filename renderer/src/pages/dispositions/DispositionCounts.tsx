// How far the vault's dispositions have got: the records with none yet (the figure that must reach 0)
// and the count per disposition, each a link to those records.
import { Alert, Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerStats } from '../../../../shared/contract';
import { DISPOSITIONS } from '../../../../shared/customer';
import { CountLink } from '../../components/CountLink';

export function DispositionCounts({ stats }: { stats: CustomerStats }) {
  const { t } = useTranslation();
  return (
    <Card style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Statistic
            title={t('dispositions.none')}
            valueRender={() => (
              <CountLink
                n={stats.disposition.none}
                filter={{ disposition: null }}
                testId="disposition-none"
              />
            )}
          />
        </Col>
        {DISPOSITIONS.map((d) => (
          <Col xs={12} md={4} key={d}>
            <Statistic
              title={t(`dispositions.kind.${d}`)}
              valueRender={() => (
                <CountLink n={stats.disposition[d]} filter={{ disposition: d }} testId={`disposition-${d}`} />
              )}
            />
          </Col>
        ))}
      </Row>
      {stats.disposition.none === 0 && stats.customers > 0 ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t('dispositions.allDecided')}
          data-testid="dispositions-all-decided"
        />
      ) : null}
    </Card>
  );
}
