// The Import wizard: choose customer files (handles from the open dialog, never paths) → what was
// detected (format, encoding, sheet; each can be changed) → the column mapping with a live preview of the
// first rows as they will be stored (invalid values highlighted) and templates → import as one job with
// progress and cancel → counts, quarantined rows with export, and the offer to delete the plaintext files.
import { DeleteOutlined, FileAddOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Input,
  List,
  Modal,
  Select,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useCallback, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_FIELDS,
  type ColumnMapping,
  type ColumnTarget,
  type CustomerField,
} from '../../../../shared/customer';
import type {
  ImportPreview,
  ImportPreviewRow,
  ImportRunResult,
  MappingTemplate,
  QuarantineItem,
} from '../../../../shared/contract';
import type { ChosenFile } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { PageHeader } from '../../components/PageHeader';
import { RequireSession } from '../../components/RequireSession';
import { useJob } from '../../hooks/use-job';
import { useOperation } from '../../hooks/use-operation';
import { currentLang } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { api, type ErrorValue, type Result } from '../../platform/api';
import { chooseFile } from '../../platform/dialogs';

const STEPS = ['files', 'mapping', 'import', 'result'] as const;
type Step = (typeof STEPS)[number];

/** Encodings offered when detection guessed wrong; iconv-lite names. */
const ENCODINGS = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];
const TARGETS: ColumnTarget[] = [...CUSTOMER_FIELDS, 'extra', 'skip'];

/** Stored columns shown in the preview, with the field whose problems highlight them. */
const PREVIEW_COLUMNS: Array<{ column: string; field: CustomerField }> = [
  { column: 'name', field: 'name' },
  { column: 'organisation', field: 'organisation' },
  { column: 'phone', field: 'phone' },
  { column: 'email', field: 'email' },
  { column: 'id_number', field: 'idNumber' },
  { column: 'credit_code', field: 'creditCode' },
  { column: 'address', field: 'address' },
  { column: 'country', field: 'country' },
  { column: 'product', field: 'product' },
  { column: 'last_order_date', field: 'lastOrderDate' },
  { column: 'lifetime_value', field: 'lifetimeValue' },
  { column: 'notes', field: 'notes' },
];

interface ChosenInput {
  handle: string;
  name: string;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  mapping?: ColumnMapping;
  preview: ImportPreview | null;
  error: ErrorValue | null;
  loading: boolean;
}

function inputOf(file: ChosenInput) {
  return {
    file: { handle: file.handle },
    ...(file.sheet ? { sheet: file.sheet } : {}),
    ...(file.encoding ? { encoding: file.encoding } : {}),
    ...(file.delimiter ? { delimiter: file.delimiter } : {}),
    ...(file.mapping ? { mapping: file.mapping } : {}),
  };
}

/** The Import page: its header shows while the vault is locked too, saying what the page is for. */
export function ImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.import')} subtitle={t('importWizard.subtitle')} />
      <RequireSession>{() => <ImportWizard />}</RequireSession>
    </>
  );
}

function ImportWizard() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('files');
  const [files, setFiles] = useState<ChosenInput[]>([]);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [allowSame, setAllowSame] = useState(false);
  const run = useJob('import.run');

  const update = (handle: string, change: Partial<ChosenInput>) =>
    setFiles((all) => all.map((f) => (f.handle === handle ? { ...f, ...change } : f)));

  /** Reads the file again with the person's choices: the preview is what will be stored. */
  const refresh = useCallback(async (file: ChosenInput) => {
    setFiles((all) => all.map((f) => (f.handle === file.handle ? { ...f, loading: true } : f)));
    const result = await api.call('import.preview', inputOf(file));
    setFiles((all) =>
      all.map((f) =>
        f.handle === file.handle
          ? result.ok
            ? { ...f, preview: result.value, error: null, loading: false }
            : { ...f, error: result.error, loading: false }
          : f,
      ),
    );
  }, []);

  const add = (chosen: Result<ChosenFile | null>) => {
    if (!chosen.ok) return setError(chosen.error);
    if (!chosen.value) return;
    const file: ChosenInput = { ...chosen.value, preview: null, error: null, loading: true };
    setFiles((all) => [...all, file]);
    void refresh(file);
  };

  const addFile = async () => {
    setError(null);
    add(await chooseFile({ kind: 'open', purpose: 'import' }));
  };

  // Files dropped onto the step: each becomes a handle through the shell, as if chosen in the dialog.
  const [dragging, setDragging] = useState(false);
  const onDrop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    setError(null);
    for (const dropped of Array.from(event.dataTransfer.files)) add(await api.fileFromDrop(dropped));
  };

  const change = (file: ChosenInput, choice: Partial<ChosenInput>) => {
    const next = { ...file, ...choice };
    update(file.handle, choice);
    void refresh(next);
  };

  const sameSource = files.filter((f) => f.preview?.alreadyImported);
  const ready = files.length > 0 && files.every((f) => f.preview && !f.error && !f.loading);

  const startImport = () => {
    setStep('import');
    run.start({
      inputs: files.map((f) => ({ ...inputOf(f), mapping: f.preview!.mapping })),
      allowSameSource: allowSame,
    });
  };

  const result = run.state.status === 'finished' ? run.state.value : undefined;
  // The result step follows from the job: once it has succeeded, the import step shows its result.
  const shown: Step = step === 'import' && result ? 'result' : step;

  const restart = () => {
    setFiles([]);
    setAllowSame(false);
    setStep('files');
  };

  return (
    <>
      <Card data-testid="import-wizard" data-step={shown} style={{ minWidth: 0 }}>
        <Steps
          current={STEPS.indexOf(shown)}
          size="small"
          style={{ marginBottom: 32 }}
          items={STEPS.map((key) => ({ key, title: t(`importWizard.steps.${key}`) }))}
        />
        {error ? <ErrorAlert error={error} /> : null}

        {shown === 'files' ? (
          <Flex vertical gap={16}>
            <Typography.Paragraph type="secondary">{t('importWizard.files.hint')}</Typography.Paragraph>
            <div
              data-testid="import-drop"
              onDragOver={(event) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(event) => void onDrop(event)}
              style={{
                border: `1px dashed ${dragging ? '#1677ff' : '#d9d9d9'}`,
                borderRadius: 8,
                padding: 24,
                textAlign: 'center',
              }}
            >
              <Typography.Text type="secondary">{t('importWizard.files.drop')}</Typography.Text>
            </div>
            <List
              bordered
              data-testid="import-files"
              locale={{ emptyText: <Empty description={t('importWizard.files.none')} /> }}
              dataSource={files}
              renderItem={(f) => (
                <List.Item
                  data-testid="import-file"
                  actions={[
                    <Button
                      key="remove"
                      type="link"
                      danger
                      onClick={() => setFiles((all) => all.filter((x) => x.handle !== f.handle))}
                    >
                      {t('importWizard.files.remove')}
                    </Button>,
                  ]}
                >
                  <Space direction="vertical" size={4}>
                    <Typography.Text strong>{f.name}</Typography.Text>
                    {f.error ? <ErrorAlert error={f.error} /> : null}
                    {f.preview ? (
                      <Detected preview={f.preview} />
                    ) : f.loading ? (
                      t('importWizard.files.reading')
                    ) : null}
                  </Space>
                </List.Item>
              )}
            />
            <Flex gap={8}>
              <Button icon={<FileAddOutlined />} onClick={() => void addFile()} data-testid="import-add-file">
                {t('importWizard.files.add')}
              </Button>
              <Button
                type="primary"
                disabled={!ready}
                onClick={() => setStep('mapping')}
                data-testid="import-next"
              >
                {t('importWizard.next')}
              </Button>
            </Flex>
          </Flex>
        ) : null}

        {shown === 'mapping' ? (
          <Flex vertical gap={16}>
            {/* A grid cell of minmax(0, 1fr): the wide preview scrolls inside the card instead of widening it. */}
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' }}>
              <Tabs
                items={files.map((f) => ({
                  key: f.handle,
                  label: f.name,
                  children: <FileMapping file={f} onChange={(choice) => change(f, choice)} />,
                }))}
              />
            </div>
            {sameSource.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                data-testid="import-same-source"
                title={t('importWizard.sameSource.title', {
                  names: sameSource.map((f) => f.name).join('、'),
                })}
                description={
                  <Checkbox
                    checked={allowSame}
                    onChange={(e) => setAllowSame(e.target.checked)}
                    data-testid="import-allow-same"
                  >
                    {t('importWizard.sameSource.allow')}
                  </Checkbox>
                }
              />
            ) : null}
            <Flex gap={8}>
              <Button onClick={() => setStep('files')}>{t('importWizard.back')}</Button>
              <Button
                type="primary"
                disabled={!ready || (sameSource.length > 0 && !allowSame)}
                onClick={startImport}
                data-testid="import-run"
              >
                {t('importWizard.run')}
              </Button>
            </Flex>
          </Flex>
        ) : null}

        {shown === 'import' || shown === 'result' ? (
          <Flex vertical gap={16}>
            <JobProgress state={run.state} onCancel={run.cancel} cancelError={run.cancelError} />
            {run.state.status === 'finished' && !result ? (
              <Flex gap={8}>
                <Button onClick={() => setStep('mapping')} data-testid="import-back-to-mapping">
                  {t('importWizard.back')}
                </Button>
              </Flex>
            ) : null}
            {result ? <ImportResult result={result} files={files} onRestart={restart} /> : null}
          </Flex>
        ) : null}
      </Card>
    </>
  );
}

function Detected({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4} data-testid="import-detected">
      <Tag data-testid="import-format">{preview.format.toUpperCase()}</Tag>
      {preview.encoding ? <Tag data-testid="import-encoding">{preview.encoding}</Tag> : null}
      {preview.sheet ? <Tag>{t('importWizard.sheet', { name: preview.sheet })}</Tag> : null}
      {preview.headerRow > 1 ? <Tag>{t('importWizard.headerRow', { row: preview.headerRow })}</Tag> : null}
      {preview.alreadyImported ? (
        <Tag color="warning" icon={<WarningOutlined />}>
          {t('importWizard.alreadyImported')}
        </Tag>
      ) : null}
    </Space>
  );
}

function FileMapping({
  file,
  onChange,
}: {
  file: ChosenInput;
  onChange: (choice: Partial<ChosenInput>) => void;
}) {
  const { t } = useTranslation();
  const preview = file.preview;
  if (!preview) return file.error ? <ErrorAlert error={file.error} /> : null;
  const mapping = preview.mapping;
  const setTarget = (header: string, target: ColumnTarget) => {
    const next: ColumnMapping = { ...mapping, [header]: target };
    // One column per field: the column that had this field gives it up.
    if (target !== 'extra' && target !== 'skip')
      for (const [h, tgt] of Object.entries(next)) if (h !== header && tgt === target) next[h] = 'extra';
    onChange({ mapping: next });
  };
  const targetLabel = (target: ColumnTarget) =>
    target === 'extra' || target === 'skip' ? t(`importWizard.targets.${target}`) : t(`fields.${target}`);

  return (
    <Flex vertical gap={16} data-testid="import-mapping" data-file={file.name}>
      <Flex gap={16} wrap>
        {preview.format === 'xlsx' && preview.sheets.length > 1 ? (
          <label>
            {t('importWizard.chooseSheet')}{' '}
            <Select
              style={{ minWidth: 160 }}
              value={preview.sheet ?? undefined}
              onChange={(sheet) => onChange({ sheet, mapping: undefined })}
              options={preview.sheets.map((s) => ({ value: s.name, label: s.name }))}
              data-testid="import-sheet"
            />
          </label>
        ) : null}
        {preview.format !== 'xlsx' ? (
          <label>
            {t('importWizard.chooseEncoding')}{' '}
            <Select
              style={{ minWidth: 140 }}
              value={preview.encoding ?? undefined}
              onChange={(encoding) => onChange({ encoding })}
              options={[...new Set([preview.encoding ?? 'utf-8', ...ENCODINGS])].map((e) => ({
                value: e,
                label: e,
              }))}
              data-testid="import-encoding-select"
            />
          </label>
        ) : null}
        <Templates mapping={mapping} onApply={(m) => onChange({ mapping: m })} />
      </Flex>
      {preview.notes.length > 0 ? (
        <Alert
          type="info"
          showIcon
          title={preview.notes
            .map((n) => t(`importWizard.notes.${n.kind}`, { defaultValue: n.message }))
            .join(' ')}
        />
      ) : null}
      <Table
        size="small"
        pagination={false}
        rowKey="header"
        data-testid="import-mapping-table"
        dataSource={preview.headers.map((header) => ({ header, target: mapping[header] ?? 'extra' }))}
        columns={[
          { title: t('importWizard.sourceColumn'), dataIndex: 'header', key: 'header' },
          {
            title: t('importWizard.field'),
            key: 'target',
            render: (_: unknown, row: { header: string; target: ColumnTarget }) => (
              <Select
                style={{ minWidth: 180 }}
                value={row.target}
                onChange={(target) => setTarget(row.header, target)}
                options={TARGETS.map((target) => ({ value: target, label: targetLabel(target) }))}
                data-testid="import-target"
                data-header={row.header}
              />
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('importWizard.previewTitle', { count: preview.rows.length })}
      </Typography.Title>
      <PreviewTable rows={preview.rows} loading={file.loading} />
    </Flex>
  );
}

function PreviewTable({ rows, loading }: { rows: ImportPreviewRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportPreviewRow> = [
    { title: t('importWizard.row'), dataIndex: 'row', key: 'row', width: 64, fixed: 'left' },
    ...PREVIEW_COLUMNS.map(({ column, field }) => ({
      title: t(`fields.${field}`),
      key: column,
      render: (_: unknown, row: ImportPreviewRow) => {
        const value = row.stored[column];
        const problem = row.problems.find((p) => p.field === field);
        const shown = value === null ? '' : String(value);
        if (!problem) return shown;
        return (
          <Tooltip title={t(`importWizard.problems.${problem.status}`, { problem: problem.problem })}>
            <Typography.Text type="danger" data-testid="import-invalid" data-field={field}>
              {shown || '—'}
            </Typography.Text>
          </Tooltip>
        );
      },
    })),
    {
      title: t('importWizard.status'),
      key: 'quarantine',
      render: (_: unknown, row: ImportPreviewRow) =>
        row.quarantine ? (
          <Tag color="error" data-testid="import-row-quarantined">
            {t(`importWizard.kinds.${row.quarantine}`, { defaultValue: row.quarantine })}
          </Tag>
        ) : (
          <Tag color="success">{t('importWizard.willImport')}</Tag>
        ),
    },
  ];
  return (
    <Table
      size="small"
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={false}
      rowKey={(row) => `${row.sheet ?? ''}:${row.row}`}
      dataSource={rows}
      columns={columns}
      data-testid="import-preview"
    />
  );
}

function Templates({
  mapping,
  onApply,
}: {
  mapping: ColumnMapping;
  onApply: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const list = useOperation('import.mappings', {});
  const templates: MappingTemplate[] =
    list.state.status === 'ok' ? list.state.value.filter((m) => !m.reserved) : [];
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorValue | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = async () => {
    const result = await api.call('import.saveMapping', { name, mapping });
    if (!result.ok) return setError(result.error);
    setError(null);
    setSaved(name);
    setName('');
    list.reload();
  };
  return (
    <Flex gap={8} wrap align="center">
      <Select
        style={{ minWidth: 180 }}
        placeholder={t('importWizard.templates.apply')}
        value={null}
        onChange={(chosen: string) => {
          const template = templates.find((m) => m.name === chosen);
          if (template) onApply(applyTemplate(mapping, template.mapping));
        }}
        options={templates.map((m) => ({ value: m.name, label: m.name }))}
        data-testid="import-template-apply"
      />
      <Input
        style={{ width: 180 }}
        placeholder={t('importWizard.templates.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        data-testid="import-template-name"
      />
      <Button disabled={!name.trim()} onClick={() => void save()} data-testid="import-template-save">
        {t('importWizard.templates.save')}
      </Button>
      {saved ? (
        <Typography.Text type="success">{t('importWizard.templates.saved', { name: saved })}</Typography.Text>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
    </Flex>
  );
}

/**
 * A template over this file's mapping: its choices for the columns this file has; a field the template
 * gives to one of them is taken from any other column (one column per field).
 */
function applyTemplate(mapping: ColumnMapping, template: ColumnMapping): ColumnMapping {
  const next: ColumnMapping = { ...mapping };
  const chosen = new Set<ColumnTarget>();
  for (const header of Object.keys(mapping))
    if (header in template) {
      next[header] = template[header];
      chosen.add(template[header]);
    }
  for (const header of Object.keys(mapping))
    if (
      !(header in template) &&
      chosen.has(next[header]) &&
      next[header] !== 'extra' &&
      next[header] !== 'skip'
    )
      next[header] = 'extra';
  return next;
}

function ImportResult({
  result,
  files,
  onRestart,
}: {
  result: ImportRunResult;
  files: ChosenInput[];
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [error, setError] = useState<ErrorValue | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string[]>([]);
  const [confirm, setConfirm] = useState<number | null>(null);
  const quarantine: QuarantineItem[] = result.inputs.flatMap((i) => i.quarantine);

  const exportQuarantine = async (sourceId: string, file: string) => {
    const chosen = await chooseFile({
      kind: 'save',
      purpose: 'quarantine-export',
      suggestedName: `${file}-quarantine.csv`,
    });
    if (!chosen.ok) return setError(chosen.error);
    if (!chosen.value) return;
    const done = await api.call('import.exportQuarantine', {
      out: { handle: chosen.value.handle },
      sourceId,
    });
    if (!done.ok) return setError(done.error);
    setError(null);
    setExported(t('importWizard.result.exported', { rows: done.value.rows, name: chosen.value.name }));
  };

  const deleteSource = async (index: number) => {
    setConfirm(null);
    const done = await api.call('import.deleteSource', { file: { handle: files[index].handle } });
    if (!done.ok) return setError(done.error);
    setError(null);
    setDeleted((all) => [...all, result.inputs[index].sourceId]);
  };

  return (
    <Flex vertical gap={16} data-testid="import-result">
      <Alert
        type={result.totals.quarantined > 0 ? 'warning' : 'success'}
        showIcon
        data-testid="import-totals"
        data-imported={result.totals.imported}
        data-quarantined={result.totals.quarantined}
        title={t('importWizard.result.totals', {
          read: formatNumber(lang, result.totals.rowsRead),
          imported: formatNumber(lang, result.totals.imported),
          quarantined: formatNumber(lang, result.totals.quarantined),
        })}
      />
      {error ? <ErrorAlert error={error} /> : null}
      {exported ? <Alert type="success" showIcon title={exported} data-testid="import-exported" /> : null}
      <Table
        size="small"
        pagination={false}
        rowKey="sourceId"
        dataSource={result.inputs}
        columns={[
          { title: t('importWizard.result.file'), dataIndex: 'file', key: 'file' },
          {
            title: t('importWizard.result.detected'),
            key: 'detected',
            render: (_: unknown, r) =>
              [r.format.toUpperCase(), r.encoding, r.sheet].filter(Boolean).join(' · '),
          },
          { title: t('importWizard.result.read'), dataIndex: 'rowsRead', key: 'read' },
          { title: t('importWizard.result.imported'), dataIndex: 'imported', key: 'imported' },
          { title: t('importWizard.result.quarantined'), dataIndex: 'quarantined', key: 'quarantined' },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r, index) => (
              <Space wrap>
                {r.quarantined > 0 ? (
                  <Button
                    size="small"
                    onClick={() => void exportQuarantine(r.sourceId, r.file)}
                    data-testid="import-export-quarantine"
                  >
                    {t('importWizard.result.export')}
                  </Button>
                ) : null}
                {deleted.includes(r.sourceId) ? (
                  <Tag color="success" data-testid="import-source-deleted">
                    {t('importWizard.result.deleted')}
                  </Tag>
                ) : (
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => setConfirm(index)}
                    data-testid="import-delete-source"
                  >
                    {t('importWizard.result.delete')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {quarantine.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('importWizard.result.quarantineTitle')}
          </Typography.Title>
          <Table
            size="small"
            data-testid="import-quarantine"
            rowKey={(q) => `${q.file}:${q.sheet ?? ''}:${q.row}`}
            dataSource={quarantine}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('importWizard.result.file'), dataIndex: 'file', key: 'file' },
              {
                title: t('importWizard.row'),
                key: 'row',
                render: (_: unknown, q) => (q.sheet ? `${q.sheet}!${q.row}` : q.row),
              },
              {
                title: t('importWizard.result.reason'),
                key: 'reason',
                render: (_: unknown, q) => t(`importWizard.kinds.${q.kind}`, { defaultValue: q.reason }),
              },
            ]}
          />
        </>
      ) : null}
      <Alert
        type="info"
        showIcon
        title={t('importWizard.result.ssdCaveat')}
        data-testid="import-ssd-caveat"
      />
      <Flex gap={8}>
        <Button type="primary" onClick={onRestart} data-testid="import-again">
          {t('importWizard.result.again')}
        </Button>
      </Flex>
      <Modal
        open={confirm !== null}
        title={t('importWizard.result.deleteTitle', {
          name: confirm !== null ? result.inputs[confirm].file : '',
        })}
        okText={t('importWizard.result.delete')}
        okButtonProps={{
          danger: true,
          ...({ 'data-testid': 'import-delete-confirm' } as Record<string, string>),
        }}
        cancelText={t('common.cancel')}
        onOk={() => confirm !== null && void deleteSource(confirm)}
        onCancel={() => setConfirm(null)}
      >
        <Typography.Paragraph>{t('importWizard.result.deleteBody')}</Typography.Paragraph>
        <Typography.Paragraph type="warning">{t('importWizard.result.ssdCaveat')}</Typography.Paragraph>
      </Modal>
    </Flex>
  );
}
