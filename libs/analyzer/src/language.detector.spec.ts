import { BEYOND_ASCII_AND_PUNCTUATION, detectLanguage } from './language.detector';

describe('detectLanguage', () => {
  test.each([
    ['en', 'You can delete your account at any time from the settings page.'],
    ['fr', 'Vous pouvez supprimer votre compte à tout moment depuis la page des paramètres.'],
    ['de', 'Sie können Ihr Konto jederzeit auf der Seite mit den Einstellungen löschen.'],
    // Addressed as "du": the French "du" must not outvote German's own words.
    ['de', 'Wenn du dich von jemandem bedrängt fühlst, kannst du ihn über dein Profil melden.'],
    ['fr', 'Nous conservons les données du compte pendant la durée du contrat.'],
    ['es', 'Puede eliminar su cuenta en cualquier momento desde la página de ajustes.'],
  ])('%s: “%s”', (code, text) => {
    expect(detectLanguage(text).code).toBe(code);
  });

  test('a web address is no language: a link label with its target is no Portuguese', () => {
    expect(detectLanguage('[Get the app (opens in new window)](https://app.example.com/com.example.app?pid=googleplayhomepage)').code).not.toBe('pt');
  });

  test('a label or a name is no language', () => {
    expect(detectLanguage('Example Ltd').code).toBe('und');
  });

  test('general punctuation (read as ASCII text is) holds no letter and no character of a script the guess counts', () => {
    const kept: string[] = [];
    for (let c = 0x2000; c <= 0x206f; c++) {
      const ch = String.fromCharCode(c);
      expect(BEYOND_ASCII_AND_PUNCTUATION.test(ch)).toBe(false);
      if (/\p{L}|\p{Script=Cyrillic}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Han}|\p{Script=Hangul}|\p{Script=Arabic}/u.test(ch)) kept.push(ch);
    }
    expect(kept).toEqual([]);
    expect(BEYOND_ASCII_AND_PUNCTUATION.test('café')).toBe(true);
  });

  test('curly quotes and dashes leave the guess as it is for the same text with straight ones', () => {
    const straight = "You can't opt out - \"we\" keep the data of the account.";
    const curly = 'You can’t opt out — “we” keep the data of the account.';
    expect(detectLanguage(curly)).toEqual(detectLanguage(straight));
    expect(detectLanguage('Vous pouvez supprimer votre compte — à tout moment.').code).toBe('fr');
  });
});
