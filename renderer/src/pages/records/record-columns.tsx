// The columns of the Records page's virtual table. Every row has one fixed height, so every cell holds one
// line: a value too long for its column ends in "…" and shows in full on hover (the cell's title), never
// wrapping into the row below. A row whose page has not arrived yet shows placeholders.
import { Flex, Skeleton, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { CSSProperties, ReactNode } from 'react';
import type { CustomerRecord } from '../../../../shared/customer';
import { FlagTags, flagTags, StatusTag } from './record-cells';
import type { Row } from './use-records';
import { categoryLabel } from '../../i18n/category';

const ONE_LINE: CSSProperties = { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' };

/** What a cell shows, and its full text for the hover (null: none). */
type Cell = (r: CustomerRecord) => { show: ReactNode; full: string | null };

function sourceOf(r: CustomerRecord): string | null {
  const s = r.sources[0];
  return s ? `${s.file}${s.sheet ? `:${s.sheet}` : ''}:${s.row}` : null;
}

export function recordColumns(
  t: TFunction,
  at: (index: number) => CustomerRecord | undefined,
): TableColumnsType<Row> {
  const cell =
    (render: Cell) =>
    (_: unknown, row: Row): ReactNode => {
      const record = at(row.key);
      if (!record) return <Skeleton.Input active size="small" style={{ height: 16 }} />;
      const { show, full } = render(record);
      return (
        <div style={ONE_LINE} title={full ?? undefined}>
          {show}
        </div>
      );
    };
  const text = (v: string | null) => ({ show: v ?? '—', full: v });
  const secondary = <Typography.Text type="secondary">—</Typography.Text>;

  return [
    { title: '#', key: 'id', width: 80, render: cell((r) => ({ show: r.id, full: null })) },
    {
      title: t('fields.name'),
      key: 'name',
      width: 150,
      render: cell((r) => ({
        show: <span data-testid="records-cell-name">{r.name ?? '—'}</span>,
        full: r.name,
      })),
    },
    {
      title: t('fields.organisation'),
      key: 'organisation',
      width: 180,
      render: cell((r) => text(r.organisation)),
    },
    {
      title: t('fields.phone'),
      key: 'phone',
      width: 190,
      render: cell((r) => ({
        show: (
          <Flex gap={4} align="center">
            <span data-testid="records-cell-phone">{r.phone ?? '—'}</span>
            <StatusTag status={r.status.phone} />
          </Flex>
        ),
        full: r.phone,
      })),
    },
    {
      title: t('fields.email'),
      key: 'email',
      width: 220,
      render: cell((r) => ({
        show: (
          <Flex gap={4} align="center" style={{ minWidth: 0 }}>
            <span style={{ ...ONE_LINE, minWidth: 0 }}>{r.email ?? '—'}</span>
            <StatusTag status={r.status.email} />
          </Flex>
        ),
        full: r.email,
      })),
    },
    { title: t('fields.address'), key: 'address', width: 260, render: cell((r) => text(r.address)) },
    {
      title: t('records.columns.type'),
      key: 'type',
      width: 100,
      render: cell((r) => text(t(`records.type.${r.type}`))),
    },
    {
      title: t('records.columns.region'),
      key: 'region',
      width: 140,
      render: cell((r) =>
        text(`${t(`records.region.${r.region}`)}${r.regionCountry ? ` ${r.regionCountry}` : ''}`),
      ),
    },
    {
      title: t('records.columns.category'),
      key: 'category',
      width: 130,
      render: cell((r) => {
        const name = r.category === null ? null : categoryLabel(r.category);
        return { show: name ?? secondary, full: name };
      }),
    },
    {
      title: t('records.columns.flags'),
      key: 'flags',
      width: 220,
      render: cell((r) => ({
        show: <FlagTags record={r} />,
        full:
          flagTags(r, t)
            .map(([, , label]) => label)
            .join('、') || null,
      })),
    },
    {
      title: t('records.columns.disposition'),
      key: 'disposition',
      width: 120,
      render: cell((r) => {
        const label = r.disposition ? t(`records.disposition.${r.disposition}`) : null;
        return { show: label ? <Tag>{label}</Tag> : secondary, full: label };
      }),
    },
    { title: t('records.columns.source'), key: 'source', width: 200, render: cell((r) => text(sourceOf(r))) },
  ];
}
