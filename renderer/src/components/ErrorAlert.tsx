// Shows an engine error in the current language, from its code (messages come from shared/errors/).
import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isErrorCode, localizedDetails } from '../../../shared/errors';
import { currentLang } from '../i18n';
import { interpolationValues } from '../i18n/errors';
import type { ErrorValue } from '../platform/api';

export interface ErrorAlertProps {
  error: ErrorValue;
  /** A headline above the message, e.g. what was being attempted. */
  title?: ReactNode;
}

export function ErrorAlert({ error, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  // `replace` keeps detail names (count, ns, lng…) from being read as i18next options.
  const message = isErrorCode(error.code)
    ? t(error.code, {
        ns: 'errors',
        replace: interpolationValues(localizedDetails(error.code, currentLang(), error.details)),
      })
    : error.message;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      data-code={error.code}
      title={title ?? <span data-testid="error-message">{message}</span>}
      description={
        <>
          {title ? (
            <div data-testid="error-message" style={{ marginBottom: 4 }}>
              {message}
            </div>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('error.code')}: <span data-testid="error-code">{error.code}</span>
          </Typography.Text>
        </>
      }
    />
  );
}
