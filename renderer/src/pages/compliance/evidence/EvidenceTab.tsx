// Reports and the evidence pack: the signed compliance report, the pack for the auditor, and checking one.
import { Col, Row } from 'antd';
import { useSession } from '../../../session/session-context';
import { PackCard } from './PackCard';
import { ReportCard } from './ReportCard';
import { VerifyCard } from './VerifyCard';

export function EvidenceTab() {
  const { can } = useSession();
  return (
    <Row gutter={[16, 16]} data-testid="evidence-tab">
      <Col xs={24} xl={12}>
        <ReportCard />
      </Col>
      <Col xs={24} xl={12}>
        <PackCard allowed={can('evidence.pack')} />
      </Col>
      <Col xs={24}>
        <VerifyCard />
      </Col>
    </Row>
  );
}
