import { detectLanguage } from './language.detector';

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
});
