// "Check vault" on the overview: vault.check as a job — pages, structure, the audit evidence and the
// anchors outside the vault — and what it found, a rollback or a cut said in words.
import { CheckCircleOutlined, CloseCircleOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../components/JobProgress';
import { ProblemList } from '../../components/ProblemList';
import { ToolCard } from '../../components/ToolCard';
import { useJob } from '../../hooks/use-job';

export function VaultCheckCard() {
  const { t } = useTranslation();
  const job = useJob('vault.check');
  const report = job.state.status === 'finished' ? job.state.value : undefined;
  return (
    <ToolCard
      icon={<SafetyOutlined />}
      title={t('overview.check')}
      hint={t('overview.checkHint')}
      testId="overview-check"
      small={false}
    >
      <div>
        <Button
          onClick={() => job.start({})}
          disabled={job.state.status === 'running'}
          data-testid="overview-check-run"
        >
          {t('overview.check')}
        </Button>
      </div>
      {report ? (
        <Alert
          type={report.ok ? 'success' : 'error'}
          showIcon
          icon={report.ok ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
          title={report.ok ? t('overview.checkOk') : t('overview.checkFailed')}
          data-testid="overview-check-result"
          data-ok={String(report.ok)}
          description={
            <Flex vertical gap={8}>
              <ProblemList problems={report.anchors} />
              <ProblemList problems={report.audit.problems} />
              <ProblemList problems={report.audit.warnings} warning />
            </Flex>
          }
        />
      ) : (
        <JobProgress state={job.state} onCancel={job.cancel} cancelError={job.cancelError} />
      )}
    </ToolCard>
  );
}
