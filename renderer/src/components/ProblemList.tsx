// The findings of audit.verify or vault.check, one line each in the window's language: entry, user and
// reason, problems in red and warnings in amber.
import { CloseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { describeProblem } from '../../../shared/audit-problems';
import type { AuditProblem } from '../../../shared/contract';
import { currentLang } from '../i18n';

export function ProblemList({ problems, warning = false }: { problems: AuditProblem[]; warning?: boolean }) {
  const lang = currentLang();
  if (problems.length === 0) return null;
  return (
    <Flex vertical gap={4} data-testid={warning ? 'audit-warnings' : 'audit-problems'}>
      {problems.map((p, i) => (
        <Typography.Text
          key={`${p.kind}-${p.seq ?? 'x'}-${i}`}
          type={warning ? 'warning' : 'danger'}
          data-testid={warning ? 'audit-warning' : 'audit-problem'}
          data-kind={p.kind}
          data-seq={p.seq ?? ''}
        >
          {warning ? <WarningOutlined /> : <CloseCircleOutlined />} {describeProblem(p, lang)}
        </Typography.Text>
      ))}
    </Flex>
  );
}
