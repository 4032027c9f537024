// The create-vault wizard's review step: everything that will be written, before Create.
import { Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChosenFile } from '../../../../shared/contract';
import { currentLang } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { detailsInput, type WizardValues } from './details';

export function ReviewStep({ values, file }: { values: WizardValues; file: ChosenFile }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const details = detailsInput(values);
  const date = (iso: string | null | undefined) => (iso ? formatDate(lang, iso) : t('common.notSet'));
  const text = (value: string | null | undefined) => value || t('common.notSet');
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('create.reviewIntro')}
      </Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        data-testid="review"
        styles={{ label: { width: 180 } }}
        items={[
          { key: 'client', label: t('create.clientName'), children: details.clientName },
          { key: 'code', label: t('create.creditCode'), children: text(details.creditCode) },
          { key: 'contact', label: t('create.contact'), children: text(details.contact) },
          { key: 'reason', label: t('create.closureReason'), children: text(details.closureReason) },
          {
            key: 'decision',
            label: t('create.decisionDate'),
            children: date(details.keyDates?.decisionDate),
          },
          {
            key: 'deregistration',
            label: t('create.deregistrationDate'),
            children: date(details.keyDates?.deregistrationDate),
          },
          { key: 'deadline', label: t('create.deadline'), children: date(details.keyDates?.deadline) },
          { key: 'owner', label: t('create.ownerName'), children: values.ownerName?.trim() },
          { key: 'file', label: t('create.file'), children: file.name },
        ]}
      />
    </Flex>
  );
}
