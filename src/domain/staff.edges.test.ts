import { describe, expect, it } from 'vitest';
import { activeStaff, effectiveStaffId, staffName, type StaffMember } from './staff';
import { isStaffPin, validateStaffInput } from './staff-input';

const pin = { algorithm: 'PBKDF2-SHA256', iterations: 1, salt: '', hash: '' } as const;
const person = (id: string, name: string, active = true): StaffMember => ({
  id,
  name,
  pin,
  active,
  createdAt: 0,
});
const ana = person('s1', 'Ana Putri');
const budi = person('s2', 'Budi', false);
const cici = person('s3', 'Cici');

describe('who works the counter', () => {
  it('lists only staff still active, none for a shop without staff', () => {
    expect(activeStaff([ana, budi, cici])).toEqual([ana, cici]);
    expect(activeStaff(undefined)).toEqual([]);
  });

  it('records the owner when nobody or a stranger is chosen', () => {
    expect(effectiveStaffId([ana], '', 'owner')).toBe('owner');
    expect(effectiveStaffId([ana], undefined, 'owner')).toBe('owner');
    expect(effectiveStaffId([ana], 's9', 'owner')).toBe('owner');
    expect(effectiveStaffId([ana, cici], 's3', 'owner')).toBe('s3');
  });

  it('names a deactivated staff member on their past ledger lines, no one for the owner', () => {
    expect(staffName([ana, budi], 's2')).toBe('Budi');
    expect(staffName(undefined, 's1')).toBeNull();
    expect(staffName([], 'owner')).toBeNull();
  });
});

describe('a new staff member at the edges', () => {
  it('takes a 40-character name, spaces around and between it tidied', () => {
    expect(validateStaffInput({ name: `  ${'a'.repeat(40)}  `, pin: '1234' })).toEqual({});
    expect(
      validateStaffInput({ name: `${'a'.repeat(20)}    ${'b'.repeat(19)}`, pin: '1234' }),
    ).toEqual({});
    expect(validateStaffInput({ name: 'a'.repeat(41), pin: '1234' })).toEqual({
      name: 'staffName.tooLong',
    });
  });

  it('counts characters, not code units: 40 emoji are a name', () => {
    expect(validateStaffInput({ name: '🌸'.repeat(40), pin: '1234' })).toEqual({});
    expect(validateStaffInput({ name: '🌸'.repeat(41), pin: '1234' })).toEqual({
      name: 'staffName.tooLong',
    });
  });

  it('refuses a name an active staff member has, whatever the case or spacing', () => {
    expect(validateStaffInput({ name: 'ANA  PUTRI', pin: '1234' }, [ana])).toEqual({
      name: 'staffName.taken',
    });
    expect(validateStaffInput({ name: ' ana putri ', pin: '1234' }, [ana])).toEqual({
      name: 'staffName.taken',
    });
    // A deactivated person's name is free again.
    expect(validateStaffInput({ name: 'budi', pin: '1234' }, [budi])).toEqual({});
    expect(validateStaffInput({ name: 'Ana', pin: '1234' }, [ana])).toEqual({});
  });

  it('takes a staff PIN of 4 to 6 digits only', () => {
    expect(['1234', '12345', '123456'].map(isStaffPin)).toEqual([true, true, true]);
    expect(['123', '1234567', '1234 ', '１２３４'].map(isStaffPin)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(validateStaffInput({ name: 'Dewi', pin: '12345' })).toEqual({});
    expect(validateStaffInput({ name: 'Dewi', pin: '' })).toEqual({ pin: 'staffPin.format' });
  });
});
