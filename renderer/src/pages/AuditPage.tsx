// The audit log of the open vault: entries with filters and paging, chain verification (a job), and the
// export for auditors (CSV + signed JSON + certificate + signed checkpoints) into a chosen folder.
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExportOutlined,
  FileOutlined,
  FolderOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, OP_NAMES, type AuditEntryView, type AuditReport } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { JobProgress } from '../components/JobProgress';
import { PageHeader } from '../components/PageHeader';
import { OpNameText } from '../components/OpNameText';
import { MONOSPACE } from '../components/RecoveryKeyInput';
import { RequireSession } from '../components/RequireSession';
import { useJob } from '../hooks/use-job';
import { useOperation } from '../hooks/use-operation';
import { currentLang } from '../i18n';
import { baseName, formatTimestamp } from '../i18n/format';
import { api, type ErrorValue } from '../platform/api';
import { chooseFile } from '../platform/dialogs';
import { useSession } from '../session/session-context';
import { ProblemList } from '../components/ProblemList';
import { summariseParams } from './audit/params-summary';
import { useAuditEntries, type AuditQuery } from './audit/use-audit-entries';

const OUTCOME_COLOURS: Record<string, string> = { ok: 'green', refused: 'orange', failed: 'red' };
// Operations worth filtering by: everything the engine answers (the shell's dialogs leave no entry).
const FILTER_OPS = OP_NAMES.filter((op) => contract[op].host !== 'shell');

type Range = [Dayjs | null, Dayjs | null] | null;

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

function VerifyCard() {
  const { t } = useTranslation();
  const job = useJob('audit.verify');
  const report = job.state.status === 'finished' ? job.state.value : undefined;
  return (
    <Card
      size="small"
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('audit.verifyTitle')}
        </Space>
      }
      data-testid="audit-verify-card"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('audit.verifyHint')}</Typography.Text>
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
      </Flex>
    </Card>
  );
}

function ExportCard({ onExported }: { onExported: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<string[] | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const allowed = can('audit.export');

  const exportAudit = async () => {
    setError(null);
    const chosen = await chooseFile({ kind: 'folder', purpose: 'audit-export' });
    if (!chosen.ok) return setError(chosen.error);
    if (!chosen.value) return;
    setBusy(true);
    const result = await api.call('audit.export', { dir: { handle: chosen.value.handle } });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setFiles(result.value.files.map(baseName));
    onExported();
  };

  const button = (
    <Button
      icon={<ExportOutlined />}
      onClick={() => void exportAudit()}
      loading={busy}
      disabled={!allowed}
      data-testid="audit-export"
    >
      {t('audit.export')}
    </Button>
  );
  return (
    <Card
      size="small"
      title={
        <Space>
          <ExportOutlined />
          {t('audit.exportTitle')}
        </Space>
      }
      data-testid="audit-export-card"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('audit.exportHint')}</Typography.Text>
        <div>{allowed ? button : <Tooltip title={t('audit.exportNotAllowed')}>{button}</Tooltip>}</div>
        {files ? (
          <div data-testid="audit-exported">
            <Typography.Text type="secondary">{t('audit.exported')}</Typography.Text>
            <ul style={{ margin: '6px 0 0', paddingInlineStart: 4, listStyle: 'none' }}>
              {files.map((name) => (
                <li
                  key={name}
                  data-testid="audit-exported-file"
                  style={{ fontFamily: MONOSPACE, fontSize: 12 }}
                >
                  {name.endsWith('.checkpoints') ? <FolderOutlined /> : <FileOutlined />} {name}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {error ? <ErrorAlert error={error} title={t('audit.exportFailed')} /> : null}
      </Flex>
    </Card>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [userName, setUserName] = useState<string | undefined>();
  const [op, setOp] = useState<string | undefined>();
  const [range, setRange] = useState<Range>(null);
  const users = useOperation('users.list', {});

  const query = useMemo<AuditQuery>(
    () => ({
      userName,
      op,
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
    }),
    [userName, op, range],
  );
  const log = useAuditEntries(query);
  const filtered = userName !== undefined || op !== undefined || range !== null;

  const userOptions = useMemo(() => {
    const names = new Set<string>();
    if (users.state.status === 'ok') for (const u of users.state.value) names.add(u.name);
    for (const entry of log.entries) if (entry.userName) names.add(entry.userName);
    return [...names].sort().map((name) => ({ value: name, label: name }));
  }, [users.state, log.entries]);

  const columns: TableColumnsType<AuditEntryView> = [
    { title: t('audit.columns.seq'), dataIndex: 'seq', width: 72, align: 'right' },
    {
      title: t('audit.columns.at'),
      dataIndex: 'at',
      width: 190,
      render: (iso: string) => formatTimestamp(lang, iso),
    },
    {
      title: t('audit.columns.user'),
      dataIndex: 'userName',
      width: 130,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('audit.columns.op'),
      dataIndex: 'op',
      width: 210,
      render: (name: string) => <OpNameText recorded={name} />,
    },
    {
      title: t('audit.columns.outcome'),
      dataIndex: 'outcome',
      width: 100,
      render: (outcome: string) => (
        <Tag color={OUTCOME_COLOURS[outcome] ?? 'default'} data-outcome={outcome}>
          {outcome === 'ok' || outcome === 'refused' || outcome === 'failed'
            ? t(`audit.outcomes.${outcome}`)
            : outcome}
        </Tag>
      ),
    },
    {
      title: t('audit.columns.params'),
      key: 'params',
      render: (_: unknown, entry) => (
        <Typography.Text type="secondary" style={{ fontFamily: MONOSPACE, fontSize: 12 }} ellipsis>
          {summariseParams(entry.params, entry.counts) || '—'}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Flex vertical gap={24}>
      <Flex gap={24} align="stretch" wrap>
        <div style={{ flex: '1 1 320px' }}>
          <VerifyCard />
        </div>
        <div style={{ flex: '1 1 320px' }}>
          <ExportCard onExported={log.reload} />
        </div>
      </Flex>
      <Card data-testid="audit-log">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="audit-filters">
          <Select
            allowClear
            showSearch
            placeholder={t('audit.filters.user')}
            options={userOptions}
            value={userName}
            onChange={(value?: string) => setUserName(value)}
            style={{ width: 180 }}
            data-testid="audit-filter-user"
            aria-label={t('audit.filters.user')}
          />
          <Select
            allowClear
            showSearch
            placeholder={t('audit.filters.op')}
            options={FILTER_OPS.map((name) => ({ value: name, label: name }))}
            value={op}
            onChange={(value?: string) => setOp(value)}
            style={{ width: 240 }}
            data-testid="audit-filter-op"
            aria-label={t('audit.filters.op')}
          />
          <span data-testid="audit-filter-range">
            <DatePicker.RangePicker
              value={range}
              onChange={(value) => setRange(value)}
              allowEmpty={[true, true]}
              aria-label={t('audit.filters.range')}
            />
          </span>
          {filtered ? (
            <Button
              type="link"
              onClick={() => {
                setUserName(undefined);
                setOp(undefined);
                setRange(null);
              }}
              data-testid="audit-filter-clear"
            >
              {t('audit.filters.clear')}
            </Button>
          ) : null}
        </Flex>
        {log.status === 'loading' ? (
          <Skeleton active />
        ) : log.status === 'error' && log.error ? (
          <ErrorAlert error={log.error} />
        ) : log.entries.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('audit.empty')}
            data-testid="audit-empty"
          />
        ) : (
          <Flex vertical gap={12}>
            <Table<AuditEntryView>
              data-testid="audit-table"
              rowKey="seq"
              size="small"
              columns={columns}
              dataSource={log.entries}
              pagination={false}
              tableLayout="fixed"
            />
            {log.error ? <ErrorAlert error={log.error} /> : null}
            <Flex justify="space-between" align="center">
              <Typography.Text type="secondary" data-testid="audit-count">
                {t('audit.shown', { count: log.entries.length })}
              </Typography.Text>
              {log.more ? (
                <Button onClick={log.loadOlder} loading={log.loadingOlder} data-testid="audit-load-older">
                  {t('audit.loadOlder')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('audit.allShown')}</Typography.Text>
              )}
            </Flex>
          </Flex>
        )}
      </Card>
    </Flex>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <RequireSession>{() => <AuditLog />}</RequireSession>
    </>
  );
}
