// A page that is planned but not built yet: says so, and says what it will do.
import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';

export type PlannedPage = 'wipe' | 'compliance';

export function PlaceholderPage({ page }: { page: PlannedPage }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${page}`)} />
      <Card>
        <Result
          data-testid="placeholder"
          icon={<ClockCircleOutlined />}
          title={t('placeholder.title')}
          subTitle={<span data-testid="placeholder-purpose">{t(`placeholder.${page}`)}</span>}
        />
      </Card>
    </>
  );
}
