/** A member's details, editable by the owner (the counter's fields and rules). */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../domain/member';
import type { ShopSettings } from '../../domain/shop';
import { MemberFields } from '../../ui/MemberFields';
import { useMemberEdit } from './useMemberEdit';
import { FormActions } from '../../ui/FormActions';

export function MemberEditForm({ member, shop }: { member: Member; shop: ShopSettings }) {
  const { t } = useTranslation();
  const { input, errors, saving, failed, saved, change, submit } = useMemberEdit(member, shop);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  return (
    <form
      className="member-detail__form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="member-edit"
    >
      <h3 id="member-edit">{t('members.detail.edit')}</h3>
      <MemberFields input={input} errors={errors} change={change} shopName={shop.name} />
      <FormActions
        error={failed && t(failed)}
        submitLabel={t('members.detail.save')}
        status={saved ? t('members.detail.saved') : ''}
        busy={saving}
        className="member-detail__actions"
      />
    </form>
  );
}
