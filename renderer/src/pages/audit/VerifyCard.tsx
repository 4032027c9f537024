// Verification of the audit chain (a job): its progress while it runs, then what it found: intact with
// the head and the checkpoints, or the problems (and warnings) entry by entry.
import { CheckCircleOutlined, CloseCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditReport } from '../../../../shared/contract';
import { JobProgress } from '../../components/JobProgress';
import { ProblemList } from '../../components/ProblemList';
import { MONOSPACE } from '../../components/RecoveryKeyInput';
import { ToolCard } from '../../components/ToolCard';
import { useJob } from '../../hooks/use-job';

function ChainResult({ report }: { report: AuditReport }) {
  const { t } = useTranslation();
  return report.ok ? (
    <Alert
      type="success"
      showIcon
      icon={<CheckCircleOutlined />}
      data-testid="audit-verify-result"
      data-ok="true"
      title={t('audit.intact', { entries: report.entries, checkpoints: report.checkpoints })}
      description={
        <Flex vertical gap={8}>
          <Typography.Text
            type="secondary"
            style={{ fontFamily: MONOSPACE, fontSize: 12, wordBreak: 'break-all' }}
          >
            {t('audit.headLabel')} {report.head}
          </Typography.Text>
          <ProblemList problems={report.warnings} warning />
        </Flex>
      }
    />
  ) : (
    <Alert
      type="error"
      showIcon
      icon={<CloseCircleOutlined />}
      data-testid="audit-verify-result"
      data-ok="false"
      title={t('audit.problems', { count: report.problemCount, seq: report.firstProblem?.seq ?? '?' })}
      description={
        <Flex vertical gap={8}>
          <ProblemList problems={report.problems} />
          <ProblemList problems={report.warnings} warning />
        </Flex>
      }
    />
  );
}

export function VerifyCard() {
  const { t } = useTranslation();
  const job = useJob('audit.verify');
  const report = job.state.status === 'finished' ? job.state.value : undefined;
  return (
    <ToolCard
      icon={<SafetyCertificateOutlined />}
      title={t('audit.verifyTitle')}
      hint={t('audit.verifyHint')}
      testId="audit-verify-card"
    >
      <div>
        <Button
          onClick={() => job.start({})}
          disabled={job.state.status === 'running'}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      </div>
      {/* While it runs (or if it fails) the job's progress; once done, what it found. */}
      {report ? (
        <ChainResult report={report} />
      ) : (
        <JobProgress state={job.state} onCancel={job.cancel} cancelError={job.cancelError} />
      )}
    </ToolCard>
  );
}
