// Which regimes apply, answered once by an owner: EU and California residents are proposed from the
// records' regions, and the proposal stands until someone decides.
import { Button, Checkbox, Flex, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput, RegimeApplicability } from '../../../../../shared/contract';
import { REGIME_TEXT } from '../../../../../shared/compliance/labels';
import { useBi } from '../../../i18n/bilingual';

type Choice = OpInput<'compliance.setApplicability'>;
const CHOSEN = ['pipl', 'gdpr', 'ccpa', 'iso27001'] as const;

export function ApplicabilityCard({
  applicability,
  canSave,
  onSave,
}: {
  applicability: RegimeApplicability[];
  canSave: boolean;
  onSave: (choice: Choice) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  const initial = Object.fromEntries(
    CHOSEN.map((r) => [r, applicability.find((a) => a.regime === r)?.applicable ?? false]),
  ) as Choice;
  const [choice, setChoice] = useState<Choice>(initial);
  return (
    <Flex vertical gap={8} data-testid="applicability">
      <Typography.Text strong>{t('compliance.checklists.applicabilityTitle')}</Typography.Text>
      <Typography.Text type="secondary">{t('compliance.checklists.applicabilityHint')}</Typography.Text>
      <Flex gap={16} wrap align="center">
        {CHOSEN.map((regime) => {
          const a = applicability.find((x) => x.regime === regime);
          return (
            <Tooltip key={regime} title={a ? bi(a.reason) : undefined}>
              <Checkbox
                checked={choice[regime]}
                disabled={!canSave}
                onChange={(e) => setChoice({ ...choice, [regime]: e.target.checked })}
                data-testid={`applies-${regime}`}
              >
                {bi(REGIME_TEXT[regime])}{' '}
                {a?.decided ? (
                  <Tag>{t('compliance.checklists.decided')}</Tag>
                ) : a?.proposed ? (
                  <Tag color="gold">{t('compliance.checklists.proposed')}</Tag>
                ) : null}
              </Checkbox>
            </Tooltip>
          );
        })}
        {canSave ? (
          <Button size="small" onClick={() => void onSave(choice)} data-testid="applicability-save">
            {t('compliance.checklists.saveApplicability')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}
