// A job's progress as the user sees it: bar, phase, done/total, rate, time left, Cancel, then the outcome.
import { Alert, Button, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import { formatDuration, formatNumber } from '../i18n/format';
import type { JobState } from '../hooks/use-job';
import type { ErrorValue } from '../platform/api';
import { ErrorAlert } from './ErrorAlert';

export interface JobProgressProps {
  state: JobState<unknown>;
  onCancel: () => void;
  cancelError?: ErrorValue | null;
}

function percentOf(state: JobState<unknown>): number {
  if (state.status === 'idle') return 0;
  if (state.status === 'finished' && state.outcome === 'succeeded') return 100;
  const progress = state.progress;
  if (!progress || !progress.total) return 0;
  return Math.min(100, Math.floor((progress.done / progress.total) * 100));
}

export function JobProgress({ state, onCancel, cancelError }: JobProgressProps) {
  const { t } = useTranslation();
  if (state.status === 'idle') return null;
  const lang = currentLang();
  const percent = percentOf(state);
  const progress = state.progress;
  const running = state.status === 'running';
  const outcome = state.status === 'finished' ? state.outcome : null;
  // A success means everything was done, even if the last progress event is still on its way.
  const done =
    progress && outcome === 'succeeded' && progress.total !== null ? progress.total : progress?.done;
  const barStatus =
    outcome === 'succeeded' ? 'success' : outcome === 'failed' ? 'exception' : running ? 'active' : 'normal';

  return (
    <Flex vertical gap={12} data-testid="job-progress" data-status={state.status}>
      <div data-testid="job-progress-bar" data-percent={percent}>
        <Progress percent={percent} status={barStatus} />
      </div>
      <Flex gap={16} wrap align="center">
        {progress ? (
          <Tag data-testid="job-phase">
            {t(`job.phases.${progress.phase}`, { defaultValue: progress.phase })}
          </Tag>
        ) : null}
        <Typography.Text data-testid="job-count">
          {progress && done !== undefined
            ? progress.total !== null
              ? t('job.count', { done: formatNumber(lang, done), total: formatNumber(lang, progress.total) })
              : t('job.countUnknown', { done: formatNumber(lang, done) })
            : '\u00a0'}
        </Typography.Text>
        {running && progress ? (
          <>
            <Typography.Text type="secondary" data-testid="job-rate">
              {t('job.rate', { rate: formatNumber(lang, progress.rate, 1) })}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="job-eta">
              {progress.etaSeconds !== null
                ? t('job.eta', { eta: formatDuration(t, progress.etaSeconds) })
                : t('job.etaUnknown')}
            </Typography.Text>
          </>
        ) : null}
        {running ? (
          <Button data-testid="job-cancel" onClick={onCancel} loading={state.cancelling} danger>
            {state.cancelling ? t('job.cancelling') : t('job.cancel')}
          </Button>
        ) : null}
      </Flex>
      {cancelError ? <ErrorAlert error={cancelError} /> : null}
      {state.status === 'finished' ? (
        <div data-testid="job-outcome" data-outcome={state.outcome}>
          {state.outcome === 'succeeded' ? (
            <Alert type="success" showIcon title={t('job.outcome.succeeded')} />
          ) : state.outcome === 'cancelled' ? (
            <Alert
              type="warning"
              showIcon
              title={t('job.outcome.cancelled')}
              description={t('CANCELLED', { ns: 'errors' })}
            />
          ) : state.error ? (
            <ErrorAlert error={state.error} title={t('job.outcome.failed')} />
          ) : (
            <Alert type="error" showIcon title={t('job.outcome.failed')} />
          )}
        </div>
      ) : null}
    </Flex>
  );
}
