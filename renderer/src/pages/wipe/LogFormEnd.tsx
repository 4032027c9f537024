// The end of a paper or cloud log form: attach an evidence file (its name shown once chosen), then log.
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChosenFile } from '../../../../shared/contract';

export function LogFormEnd(props: {
  evidence: ChosenFile | null;
  busy: boolean;
  onAttach: () => void;
  submit: string;
  /** `paper` or `cloud`: the test ids' prefix. */
  log: 'paper' | 'cloud';
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item>
        <Button onClick={props.onAttach} data-testid={`${props.log}-evidence`}>
          {props.evidence
            ? t('wipe.paper.evidenceChosen', { name: props.evidence.name })
            : t('wipe.paper.evidence')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={props.busy} data-testid={`${props.log}-submit`}>
          {props.submit}
        </Button>
      </Form.Item>
    </>
  );
}
