// The columns of the rules editor's categories: the name (a taxonomy id shown with its name), its keywords (in order: the first category that
// matches wins), and Remove for owners; only owners edit.
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, Select, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { ClassificationRules } from '../../../../shared/classification/rules';
import { categoryLabel } from '../../i18n/category';
import type { RulesEditorModel } from './use-rules-editor';

type Category = ClassificationRules['categories'][number];

export function categoryColumns(
  t: TFunction,
  isOwner: boolean,
  model: RulesEditorModel,
): TableColumnsType<Category> {
  return [
    {
      title: t('classification.rules.categoryName'),
      width: 280,
      render: (_: unknown, c, i) => (
        <Input
          value={c.name}
          // A taxonomy id reads as the category's name in the window's language.
          suffix={categoryLabel(c.name) === c.name ? undefined : categoryLabel(c.name)}
          disabled={!isOwner}
          onChange={(e) => model.setCategory(i, { name: e.target.value })}
          data-testid={`rules-category-name-${i}`}
        />
      ),
    },
    {
      title: t('classification.rules.keywords'),
      render: (_: unknown, c, i) => (
        <Select
          mode="tags"
          style={{ width: '100%' }}
          value={c.keywords}
          disabled={!isOwner}
          open={false}
          onChange={(v: string[]) => model.setCategory(i, { keywords: v })}
          data-testid={`rules-category-keywords-${i}`}
        />
      ),
    },
    {
      width: 48,
      render: (_: unknown, _c, i) =>
        isOwner ? (
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('classification.rules.removeCategory')}
            onClick={() => model.removeCategory(i)}
            data-testid={`rules-category-remove-${i}`}
          />
        ) : null,
    },
  ];
}
