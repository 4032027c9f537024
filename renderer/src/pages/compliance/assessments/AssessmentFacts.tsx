// What the vault says about the processing, as the assessment was prefilled (frozen once approved).
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UiMessages } from '../../../i18n/zh-CN';
import type { AssessmentFacts as Facts } from '../../../../../shared/contract';
import { useBi } from '../../../i18n/bilingual';

export function AssessmentFacts({ facts }: { facts: Facts }) {
  const { t } = useTranslation();
  const bi = useBi();
  const f = (key: keyof UiMessages['compliance']['assessments']['facts']) =>
    t(`compliance.assessments.facts.${key}`);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, lg: 2 }} data-testid="assessment-facts">
      <Descriptions.Item label={f('records')}>{facts.customers}</Descriptions.Item>
      <Descriptions.Item label={f('subjects')}>
        {facts.subjects.individual} / {facts.subjects.business} / {facts.subjects.unknown}
      </Descriptions.Item>
      <Descriptions.Item label={f('sensitive')}>
        {facts.sensitiveRecords}
        {facts.sensitive.length
          ? ` (${facts.sensitive.map((s) => `${s.kind} ${s.records}`).join(', ')})`
          : ''}
      </Descriptions.Item>
      <Descriptions.Item label={f('minors')}>{facts.minors}</Descriptions.Item>
      <Descriptions.Item label={f('regions')}>
        {facts.regions.mainland} / {facts.regions.hk_mo_tw} / {facts.regions.overseas}
      </Descriptions.Item>
      <Descriptions.Item label={f('eu')}>
        {facts.euResidents} / {facts.californiaResidents}
      </Descriptions.Item>
      <Descriptions.Item label={f('recipients')}>
        {facts.recipients.map((r) => `${r.name} (${r.records})`).join(', ') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={f('measures')}>{facts.measures.map(bi).join('; ')}</Descriptions.Item>
    </Descriptions>
  );
}
