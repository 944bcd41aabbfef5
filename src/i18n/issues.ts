/**
 * The link reader's notices (src/share/urlState.ts): their English templates,
 * which the i18n catalogs use as the English text (catalog keys
 * `share.issue.<code>`; the Japanese ones are in engine.ja.ts).
 */

/** English templates of the issues; the i18n catalogs use these as the English text. */
export const ISSUE_TEXT = {
  malformed: 'The link could not be read ({{detail}}); the default view is shown.',
  noVersion: 'The link has no format version; it was read as version {{version}}.',
  badVersion:
    'The link\'s format version "{{value}}" is not one this app knows; the default view is shown.',
  newerVersion:
    'The link was made by a newer version of this app (format {{value}}, this app reads up to {{version}}); the default view is shown.',
  migrated: 'The link was made by an older version of this app (format {{from}}) and was updated.',
  unknownPreset:
    'scenario {{scenario}}: preset "{{value}}" does not exist; "{{fallback}}" is used instead.',
  unknownSetting: 'scenario {{scenario}}: unknown setting "{{path}}" ignored.',
  unknownParameter: 'Unknown link parameter "{{name}}" ignored.',
  notNumber: 'scenario {{scenario}}: {{path}} = "{{value}}" ignored (not a number).',
  notBoolean: 'scenario {{scenario}}: {{path}} = "{{value}}" ignored (must be true or false).',
  notInteger: 'scenario {{scenario}}: {{path}} = {{value}} ignored (must be a whole number).',
  outOfRange:
    'scenario {{scenario}}: {{path}} = {{value}} ignored (must be from {{min}} to {{max}}).',
  invalidValue: 'scenario {{scenario}}: {{path}} = {{value}} ignored ({{detail}}).',
  badOption: '{{name}} = "{{value}}" ignored (must be one of: {{allowed}}).',
  duplicate: '"{{name}}" appears more than once; the last value is used.',
  badCount: '{{name}} = "{{value}}" ignored (must be a whole number from {{min}} to {{max}}).',
  axisForm: '{{name}} = "{{value}}" ignored (must be parameter:from:to:steps, e.g. {{example}}).',
  axisParameter: '{{name}} = "{{value}}" ignored ("{{path}}" is not a parameter).',
  axisNotNumeric:
    '{{name}} = "{{value}}" ignored ("{{path}}" is not a number the heat map can vary).',
  axisRange: '{{name}} = "{{value}}" ignored (its ends must be from {{min}} to {{max}}).',
  axisSteps: '{{name}} = "{{value}}" ignored (its steps must be a whole number from 1 to {{max}}).',
  pinnedMissing:
    'scenario {{scenario}}: the pinned link lacks {{paths}}; the current defaults are used for them.',
  badCheck:
    'The link was cut short or edited (its check code does not match); each setting was checked on its own.',
  noCheck:
    'The link has no check code, so it may be cut short or edited; each setting was checked on its own.',
  pinnedModel:
    'This chart was pinned with model version {{pinned}}; this is version {{current}}, so results may differ.',
  modelChanged:
    'This link was made with model version {{made}}. The model has changed since (this is version {{current}}): the figures shown now come from the new model and differ from those the link showed.',
  modelUpdated:
    'This link was made with model version {{made}}; this is version {{current}}, whose figures may differ somewhat from those the link showed.',
  modelNewer:
    "This link was made with model version {{made}}, newer than this app's model (version {{current}}): the figures shown come from this app's model and may differ.",
  renamedBoth:
    'The link gives the same setting under its old name ({{oldName}} = "{{oldValue}}") and its new one ({{newName}} = "{{newValue}}"): the new name\'s value is used.',
  chartsNone: 'charts = "{{value}}" names no chart this app has, so every chart is shown.',
  presentHidden:
    'present = "{{value}}": the link does not show that chart, so presenter mode opens on "{{shown}}".',
  removedSetting:
    'scenario {{scenario}}: "{{path}}" is not a setting of model version {{current}}; it was ignored.',
} as const;
export type IssueCode = keyof typeof ISSUE_TEXT;

/** Fills `{{name}}` placeholders (the i18next syntax). */
export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => params[k] ?? m);
}
