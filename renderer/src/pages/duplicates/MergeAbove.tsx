// "Merge every pending cluster scoring at least X", with a preview of how many clusters that is and a
// confirmation before the run.
import { Button, InputNumber, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';

export function MergeAbove({ onRun, disabled }: { onRun: (score: number) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number>(90);
  const [preview, setPreview] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('duplicates.clusters', { status: 'pending', minScore: score, limit: 1 }).then((r) => {
      if (live) setPreview(r.ok ? r.value.total : null);
    });
    return () => {
      live = false;
    };
  }, [score, disabled]);
  return (
    <Space>
      <Typography.Text>{t('duplicates.mergeAbove.label')}</Typography.Text>
      <InputNumber
        min={0}
        max={100}
        value={score}
        onChange={(v) => setScore(typeof v === 'number' ? v : 90)}
        data-testid="merge-above-score"
      />
      <Typography.Text type="secondary" data-testid="merge-above-preview" data-count={preview ?? ''}>
        {preview === null ? '' : t('duplicates.mergeAbove.preview', { count: preview, n: preview })}
      </Typography.Text>
      <Popconfirm
        title={t('duplicates.mergeAbove.confirm', { count: preview ?? 0, n: preview ?? 0, score })}
        onConfirm={() => onRun(score)}
        okButtonProps={{ 'data-testid': 'merge-above-confirm' }}
      >
        <Button disabled={disabled || !preview} data-testid="merge-above">
          {t('duplicates.mergeAbove.action')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
