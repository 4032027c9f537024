// The notification drafts of one incident: pick the law and the audience among its timers, read the draft
// in Chinese and in English (prefilled from the register and the emergency plan), save it as a PDF,
// record it sent (past a deadline the law lets be missed with reasons, with the reasons for the delay), or
// record that it is not required and why.
import { Alert, Button, Card, Flex, Input, Modal, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyPlan, IncidentEntry } from '../../../../shared/contract';
import { noticeDraft } from '../../../../shared/incident-notice';
import type { IncidentRegime, IncidentTimer, NoticeAudience } from '../../../../shared/incidents';
import { TimerTag } from './incident-columns';

type Obligation = { regime: IncidentRegime; audience: NoticeAudience };

function Draft({
  e,
  plan,
  o,
  lang,
}: {
  e: IncidentEntry;
  plan: EmergencyPlan;
  o: Obligation;
  lang: 'zh-CN' | 'en';
}) {
  const d = noticeDraft(e, plan, o.regime, o.audience, lang);
  return (
    <Card size="small" title={d.title} data-testid={`notice-draft-${lang}`} style={{ flex: 1, minWidth: 0 }}>
      {d.sections.map((s) => (
        <div key={s.heading}>
          <Typography.Text strong>{s.heading}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{s.body}</Typography.Paragraph>
        </div>
      ))}
    </Card>
  );
}

/** Past GDPR's 72 hours: the reasons for the delay, given with the notice or added after it went. */
function DelayReasons(props: {
  timer: IncidentTimer;
  recorded: string | null;
  value: string;
  onChange: (value: string) => void;
  busy: boolean;
  onRecord: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid="notice-delay">
      <Alert type="warning" showIcon title={t('incidents.delayTitle', { cite: props.timer.cite })} />
      <Flex gap={8} align="start">
        <Input.TextArea
          rows={2}
          placeholder={t('incidents.delayReasons')}
          value={props.value}
          onChange={(ev) => props.onChange(ev.target.value)}
          data-testid="notice-delay-reasons"
        />
        {props.timer.state === 'sent-late' ? (
          <Button
            loading={props.busy}
            disabled={!props.value.trim() || props.value.trim() === props.recorded}
            onClick={props.onRecord}
            data-testid="notice-delay-record"
          >
            {t('incidents.recordDelay')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}

export function NoticeModal(props: {
  incident: IncidentEntry | null;
  plan: EmergencyPlan | null;
  busy: boolean;
  onCancel: () => void;
  onDraft: (e: IncidentEntry, o: Obligation) => Promise<unknown>;
  onSent: (e: IncidentEntry, o: Obligation, delayReasons?: string) => Promise<unknown>;
  onRecordDelay: (e: IncidentEntry, o: Obligation, delayReasons: string) => Promise<unknown>;
  onDecide: (e: IncidentEntry, o: Obligation, reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const e = props.incident;
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [delay, setDelay] = useState<string | null>(null);
  if (!e || !props.plan) return null;
  const key = chosen ?? `${e.timers[0].regime}:${e.timers[0].audience}`;
  const timer = e.timers.find((x) => `${x.regime}:${x.audience}` === key) ?? e.timers[0];
  const o = { regime: timer.regime, audience: timer.audience };
  const notice = e.notices.find((n) => n.regime === o.regime && n.audience === o.audience);
  const files = notice?.files ?? [];
  const late = timer.lateWithReasons === true && (timer.state === 'overdue' || timer.state === 'sent-late');
  const delayText = delay ?? notice?.delayReasons ?? '';
  return (
    <Modal
      open
      title={t('incidents.noticeTitle', { ref: e.ref })}
      width={860}
      footer={null}
      onCancel={props.onCancel}
    >
      <Flex vertical gap={12}>
        <Segmented
          data-testid="notice-obligation"
          value={key}
          onChange={(v) => {
            setChosen(String(v));
            setDelay(null);
          }}
          options={e.timers.map((x) => ({
            value: `${x.regime}:${x.audience}`,
            label: `${t(`incidents.regimes.${x.regime}`)} → ${t(`incidents.audiences.${x.audience}`)}`,
          }))}
        />
        <div>
          <TimerTag timer={timer} t={t} />
        </div>
        {late ? (
          <DelayReasons
            timer={timer}
            recorded={notice?.delayReasons ?? null}
            value={delayText}
            onChange={setDelay}
            busy={props.busy}
            onRecord={() => void props.onRecordDelay(e, o, delayText.trim())}
          />
        ) : null}
        {files.length ? (
          <Alert type="success" showIcon title={t('incidents.drafted', { files: files.join(', ') })} />
        ) : null}
        <Flex gap={8}>
          <Button
            type="primary"
            loading={props.busy}
            onClick={() => void props.onDraft(e, o)}
            data-testid="notice-write"
          >
            {t('incidents.writeDraft')}
          </Button>
          <Button
            loading={props.busy}
            onClick={() => void props.onSent(e, o, late ? delayText.trim() || undefined : undefined)}
            data-testid="notice-sent"
          >
            {t('incidents.markSent')}
          </Button>
          <Input
            placeholder={t('incidents.reason')}
            value={reason}
            onChange={(ev) => setReason(ev.target.value)}
            style={{ maxWidth: 260 }}
          />
          <Button disabled={!reason.trim()} onClick={() => void props.onDecide(e, o, reason.trim())}>
            {t('incidents.decide')}
          </Button>
        </Flex>
        <Flex gap={12} align="start">
          <Draft e={e} plan={props.plan} o={o} lang="zh-CN" />
          <Draft e={e} plan={props.plan} o={o} lang="en" />
        </Flex>
      </Flex>
    </Modal>
  );
}
