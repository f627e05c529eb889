import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { asObject, asString, has } from '../../swagger/json-values.js';

/** An ASCII e-mail address (SVR ContactEmailNotValid): local part, @, a dotted host name. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function contactOf(context: RuleContext): Record<string, unknown> | undefined {
  return asObject(asObject(context.swagger?.root.info)?.contact);
}

/** Contact names left from the repository templates ("Full name") or written as stand-ins. */
const PLACEHOLDER_CONTACT_NAME = /^(?:full name|name|contact name|your name|publisher(?:'s)? name)$/i;

export const contactRule: RuleDefinition = {
  id: 'SWG-INFO-CONTACT',
  file: 'swagger',
  title: 'Give contact information in info.contact.',
  description:
    'Certification requires `info.contact` (paconn: "Error : info : The \'contact\' property is required.", PR #683, #1095). Some legacy connectors (the Cloudmersive family) lack it.',
  levels: certificationLevels('error', 'off'),
  msCode: 'RequiredPropertyMissing',
  msMessage: "The '{0}' property is required.",
  example: { bad: '{ "info": { "title": "Contoso", "version": "1.0" } }' },
  check(context) {
    const info = asObject(context.swagger?.root.info);
    if (!info || has(info, 'contact')) return;
    context.report({
      pointer: '/info/contact',
      message:
        'The \'contact\' property is required. Add "contact": { "name": …, "url": …, "email": … } to info: the name, site and e-mail address of your support.',
    });
  },
};

export const contactFieldsRule: RuleDefinition = {
  id: 'SWG-INFO-CONTACT-FIELDS',
  file: 'swagger',
  title: 'Give the support name, URL and e-mail in info.contact.',
  description:
    'The certification checklist asks for the support team name, support site URL and e-mail in `info.contact` (CERT 3b). 64 merged independent-publisher connectors lack the URL, so this is a warning. The template\'s name "Full name" counts as missing (one merged connector kept it).',
  levels: certificationLevels('warning', 'off'),
  example: {
    placement: 'info',
    bad: '{ "contact": { "name": "Contoso Support" } }',
    good: '{ "contact": { "name": "Contoso Support", "url": "https://support.contoso.com", "email": "support@contoso.com" } }',
  },
  check(context) {
    const contact = contactOf(context);
    if (!contact) return;
    for (const key of ['name', 'url', 'email']) {
      if (has(contact, key)) continue;
      context.report({
        pointer: childPointer('/info/contact', key),
        message: `The contact '${key}' property should be given for certification.`,
      });
    }
    // The template's url and email ("Contact URL") fail SWG-META-URL and SWG-INFO-CONTACT-EMAIL;
    // its name passes every other check.
    const name = asString(contact.name);
    if (name !== undefined && PLACEHOLDER_CONTACT_NAME.test(name.trim())) {
      context.report({
        pointer: '/info/contact/name',
        message: `The contact name '${name}' is the template's text; give the name of the support team or person.`,
      });
    }
  },
};

export const contactEmailRule: RuleDefinition = {
  id: 'SWG-INFO-CONTACT-EMAIL',
  file: 'swagger',
  title: 'Give a valid e-mail address in info.contact.email.',
  description: 'The contact e-mail must be a valid (ASCII) e-mail address (SVR: ContactEmailNotValid).',
  levels: certificationLevels('error'),
  msCode: 'ContactEmailNotValid',
  msMessage: "The contact 'email' property, if present, must be a valid email address.",
  example: {
    placement: 'contact',
    bad: '{ "email": "support at contoso.com" }',
    good: '{ "email": "support@contoso.com" }',
  },
  check(context) {
    const email = asString(contactOf(context)?.email);
    if (email === undefined || EMAIL.test(email)) return;
    context.report({
      pointer: '/info/contact/email',
      message: "The contact 'email' property, if present, must be a valid email address.",
    });
  },
};
