// The Import wizard's first step: drop files onto it or add them with the open dialog; each is listed with
// what was detected (format, encoding, sheet, header row) or why it cannot be read.
import { FileAddOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SheetChoice } from './SheetChoice';
import type { ImportModel } from './use-import';

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

export function FilesStep({ model }: { model: ImportModel }) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void model.addDropped(Array.from(event.dataTransfer.files));
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary">{t('importWizard.files.hint')}</Typography.Paragraph>
      <div
        data-testid="import-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
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
        dataSource={model.files}
        renderItem={(f) => (
          <List.Item
            data-testid="import-file"
            actions={[
              <Button key="remove" type="link" danger onClick={() => model.remove(f.handle)}>
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
              {f.preview && f.preview.sheets.length > 1 ? (
                <SheetChoice
                  sheets={f.preview.sheets}
                  chosen={f.sheets ?? []}
                  onChoose={(sheets) => model.chooseSheets(f.handle, sheets)}
                />
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      <Flex gap={8}>
        <Button icon={<FileAddOutlined />} onClick={() => void model.addFile()} data-testid="import-add-file">
          {t('importWizard.files.add')}
        </Button>
      </Flex>
    </Flex>
  );
}
