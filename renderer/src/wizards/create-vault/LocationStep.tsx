// The create-vault wizard's location step: where the vault file will be saved, chosen in the save dialog
// (the window learns the file's name, never its folder).
import { SaveOutlined } from '@ant-design/icons';
import { Button, Flex, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChosenFile } from '../../../../shared/contract';

export function LocationStep({
  file,
  onChoose,
  missing,
}: {
  file: ChosenFile | null;
  onChoose: () => void;
  missing: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('create.locationIntro')}
      </Typography.Paragraph>
      <Flex
        align="center"
        justify="space-between"
        gap={16}
        style={{
          padding: '14px 16px',
          border: `1px ${file ? 'solid' : 'dashed'} ${missing ? token.colorError : token.colorBorder}`,
          borderRadius: token.borderRadiusLG,
          background: token.colorFillQuaternary,
        }}
      >
        <Flex align="center" gap={12} style={{ minWidth: 0 }}>
          <SaveOutlined
            style={{ fontSize: 20, color: file ? token.colorPrimary : token.colorTextTertiary }}
          />
          {file ? (
            <div style={{ minWidth: 0 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('create.willSaveAs')}
              </Typography.Text>
              <div>
                <Typography.Text strong data-testid="chosen-file" ellipsis>
                  {file.name}
                </Typography.Text>
              </div>
            </div>
          ) : (
            <Typography.Text type={missing ? 'danger' : 'secondary'} data-testid="chosen-file-none">
              {missing ? t('create.locationRequired') : t('create.notChosen')}
            </Typography.Text>
          )}
        </Flex>
        <Button onClick={onChoose} type={file ? 'default' : 'primary'} data-testid="choose-location">
          {file ? t('create.chooseAgain') : t('create.choose')}
        </Button>
      </Flex>
    </Flex>
  );
}
