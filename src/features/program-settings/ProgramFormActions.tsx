/** The end of each program form (rules, catalogue, club): their save states say the same things. */
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../ui/FormActions';

export type SaveStatus = 'idle' | 'saved' | 'invalid' | 'failed';

export function ProgramFormActions({
  status,
  submitLabel,
  large,
}: {
  status: SaveStatus;
  submitLabel: string;
  large?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <FormActions
      error={
        status === 'invalid'
          ? t('program.invalid')
          : status === 'failed'
            ? t('errors.saveFailed')
            : null
      }
      submitLabel={submitLabel}
      status={status === 'saved' ? t('program.saved') : ''}
      className="program__actions"
      large={large}
    />
  );
}
