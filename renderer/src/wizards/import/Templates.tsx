// Mapping templates in the Import wizard: apply a saved template to this file's columns, or save this
// file's mapping under a name for the next list with the same headers.
import { Button, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../../../shared/customer';
import type { MappingTemplate } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useOperation } from '../../hooks/use-operation';
import { useCall } from '../../hooks/use-call';
import { applyTemplate } from './apply-template';

export function Templates({
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
  const { run, error } = useCall();
  const [saved, setSaved] = useState<string | null>(null);
  const save = async () => {
    if (!(await run('import.saveMapping', { name, mapping }))) return;
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
