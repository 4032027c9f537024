// The Import wizard's mapping step: one tab per file (its mapping and preview), and the warning, with an
// explicit choice, when a file was imported before.
import { Alert, Checkbox, Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { FileMapping } from './FileMapping';
import type { ImportModel } from './use-import';

export function MappingStep({ model }: { model: ImportModel }) {
  const { t } = useTranslation();
  const { files, sameSource } = model;
  return (
    <Flex vertical gap={16}>
      {/* A grid cell of minmax(0, 1fr): the wide preview scrolls inside the card instead of widening it. */}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' }}>
        <Tabs
          items={files.map((f) => ({
            key: f.handle,
            label: f.name,
            children: <FileMapping file={f} onChange={(choice) => model.change(f, choice)} />,
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
              checked={model.allowSame}
              onChange={(e) => model.setAllowSame(e.target.checked)}
              data-testid="import-allow-same"
            >
              {t('importWizard.sameSource.allow')}
            </Checkbox>
          }
        />
      ) : null}
    </Flex>
  );
}
