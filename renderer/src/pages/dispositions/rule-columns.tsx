// The columns of the disposition rules table: the order, the condition, the disposition with what it
// needs (a retention preset or basis and date, a recipient), the records a dry run matched, and Remove.
import { DeleteOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select, Space, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { DISPOSITIONS, type Disposition } from '../../../../shared/customer';
import { RETENTION_PRESET_NAMES } from '../../../../shared/dispositions';
import type { DraftRule } from './draft-rules';
import type { DispositionsModel } from './use-dispositions';

export function ruleColumns(
  t: TFunction,
  model: DispositionsModel,
  conditionOptions: Array<{ value: string; label: string }>,
): TableColumnsType<DraftRule> {
  return [
    { title: '#', width: 40, render: (_: unknown, _d, i) => i + 1 },
    {
      title: t('dispositions.rules.when'),
      width: 260,
      render: (_: unknown, d, i) => (
        <Select
          style={{ width: '100%' }}
          value={d.when}
          options={conditionOptions}
          onChange={(when: string) => model.setDraft(i, { when })}
          data-testid={`dispositions-when-${i}`}
        />
      ),
    },
    {
      title: t('dispositions.rules.then'),
      render: (_: unknown, d, i) => (
        <Space wrap>
          <Select
            style={{ width: 160 }}
            value={d.disposition}
            options={DISPOSITIONS.map((k) => ({ value: k, label: t(`dispositions.kind.${k}`) }))}
            onChange={(disposition: Disposition) => model.setDraft(i, { disposition })}
            data-testid={`dispositions-set-${i}`}
          />
          {d.disposition === 'RETAIN' ? (
            <Select
              style={{ width: 220 }}
              value={d.preset}
              options={[
                ...RETENTION_PRESET_NAMES.map((p) => ({
                  value: p,
                  label: t(`dispositions.preset.${p}`),
                })),
                { value: 'custom', label: t('dispositions.preset.custom') },
              ]}
              onChange={(preset: DraftRule['preset']) => model.setDraft(i, { preset })}
              data-testid={`dispositions-preset-${i}`}
            />
          ) : null}
          {d.disposition === 'RETAIN' && d.preset === 'custom' ? (
            <>
              <Input
                placeholder={t('dispositions.basis')}
                value={d.basis}
                onChange={(e) => model.setDraft(i, { basis: e.target.value })}
                style={{ width: 240 }}
              />
              <DatePicker
                onChange={(_v, s) => model.setDraft(i, { retainUntil: typeof s === 'string' ? s : '' })}
              />
            </>
          ) : null}
          {d.disposition === 'TRANSFER' ? (
            <Input
              placeholder={t('dispositions.recipient')}
              value={d.recipient}
              onChange={(e) => model.setDraft(i, { recipient: e.target.value })}
              style={{ width: 240 }}
            />
          ) : null}
        </Space>
      ),
    },
    {
      title: t('dispositions.rules.matched'),
      width: 100,
      align: 'right',
      render: (_: unknown, _d, i) =>
        model.preview ? (
          <span data-testid={`dispositions-matched-${i}`}>{model.preview.rules[i]?.matched ?? 0}</span>
        ) : (
          '–'
        ),
    },
    {
      width: 48,
      render: (_: unknown, _d, i) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('dispositions.rules.remove')}
          disabled={model.drafts.length === 1}
          onClick={() => model.removeRule(i)}
        />
      ),
    },
  ];
}
