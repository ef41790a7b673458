___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "Yespo Autotrack",
  "categories": [
    "ANALYTICS",
    "EMAIL_MARKETING",
    "PERSONALIZATION"
  ],
  "brand": {
    "id": "brand_dummy",
    "displayName": "yespo-autotrack",
    "thumbnail": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAo0lEQVR42u3ZQQ6AIAwEwD7fF/hdvRhDItHYbmGra7hSJ5FWCrZdHluXYaPz9imOG5kxaFqTkWhOk0CPIB7NMQQS6Gcg1G/uRRxkLEgEfMTg3Ky47llVQY7ozg+dtCD8yy4jZUKJCU/jaJnAFjpAIQUWX0xZ/w6o21UBmip4pxfdpMO7z/n7IYEEEkgggQSqDtLpx+ChU9iKILqrBcbLF57rqR34Yu+FvFhPuwAAAABJRU5ErkJggg\u003d\u003d"
  },
  "description": "Loads yespo-autotrack, which sends Yespo website-behaviour events (product, category, cart, purchase, search and more) from the data your pages already carry. Sets window.yespoConfig from the fields, then loads the bundle your shop hosts.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "scriptId",
    "displayName": "Yespo script ID",
    "simpleValueType": true,
    "alwaysInSummary": true,
    "valueHint": "e.g. 123456789012345678",
    "help": "Your store id: the part of the eS script address Yespo gives you between /scripts/ and .js. Hexadecimal digits, optionally in hyphen-separated groups. Required unless the transport is REST.",
    "valueValidators": [
      {
        "type": "NON_EMPTY",
        "errorMessage": "The script ID is required for the eS and auto transports.",
        "enablingConditions": [
          {
            "paramName": "transport",
            "paramValue": "rest",
            "type": "NOT_EQUALS"
          }
        ]
      },
      {
        "type": "REGEX",
        "args": [
          "^(|\\s*[0-9A-Fa-f]+(-[0-9A-Fa-f]+)*\\s*|\\{\\{[^{}]+\\}\\})$"
        ],
        "errorMessage": "Use the id from your Yespo script address: digits 0-9 and letters a-f (hyphens between groups), or one variable such as {{Yespo script ID}}."
      },
      {
        "type": "STRING_LENGTH",
        "args": [
          0,
          64
        ],
        "errorMessage": "A Yespo script ID has at most 64 characters."
      }
    ]
  },
  {
    "type": "SELECT",
    "name": "transport",
    "displayName": "Transport",
    "macrosInSelect": false,
    "selectItems": [
      {
        "value": "es",
        "displayValue": "eS.JS (Yespo's web tracking script)"
      },
      {
        "value": "rest",
        "displayValue": "REST tracker API"
      },
      {
        "value": "auto",
        "displayValue": "Auto: eS.JS, REST when eS.JS does not load"
      }
    ],
    "simpleValueType": true,
    "defaultValue": "es",
    "alwaysInSummary": true,
    "help": "How events reach Yespo. REST and auto need the site ID."
  },
  {
    "type": "TEXT",
    "name": "siteId",
    "displayName": "Yespo site ID (REST)",
    "simpleValueType": true,
    "valueHint": "e.g. MY-SHOP",
    "help": "The site id of Yespo's REST tracker API. Required when the transport is REST or auto; left out of the configuration when empty.",
    "valueValidators": [
      {
        "type": "NON_EMPTY",
        "errorMessage": "The site ID is required for the REST and auto transports.",
        "enablingConditions": [
          {
            "paramName": "transport",
            "paramValue": "es",
            "type": "NOT_EQUALS"
          }
        ]
      },
      {
        "type": "REGEX",
        "args": [
          "^(|\\s*[A-Za-z0-9._-]+\\s*|\\{\\{[^{}]+\\}\\})$"
        ],
        "errorMessage": "Letters, digits, dots, hyphens and underscores only, or one variable."
      },
      {
        "type": "STRING_LENGTH",
        "args": [
          0,
          128
        ],
        "errorMessage": "At most 128 characters."
      }
    ]
  },
  {
    "type": "SELECT",
    "name": "consent",
    "displayName": "Consent at page load",
    "macrosInSelect": false,
    "selectItems": [
      {
        "value": "granted",
        "displayValue": "Granted: track at once"
      },
      {
        "value": "pending",
        "displayValue": "Pending: wait for yespo.consent('granted')"
      }
    ],
    "simpleValueType": true,
    "defaultValue": "granted",
    "alwaysInSummary": true,
    "help": "Pending: no Yespo script, cookie, storage or request until the page calls yespo.consent('granted'); events meanwhile are kept in memory. Google Consent Mode (analytics_storage) on the page is followed either way."
  },
  {
    "type": "GROUP",
    "name": "advanced",
    "displayName": "Loading and debugging",
    "groupStyle": "ZIPPY_CLOSED",
    "subParams": [
      {
        "type": "TEXT",
        "name": "bundleUrl",
        "displayName": "Bundle URL",
        "simpleValueType": true,
        "defaultValue": "/yespo-autotrack.min.js",
        "help": "Where your shop serves its own copy of yespo-autotrack.min.js: a path on your site starting with a single /, or an https:// address. The tag's inject_script permission must list the address (see the template's documentation).",
        "valueValidators": [
          {
            "type": "NON_EMPTY",
            "errorMessage": "The bundle URL is required."
          },
          {
            "type": "REGEX",
            "args": [
              "^(https://([A-Za-z0-9.-]+(:[0-9]+)?|\\{\\{[^{}]+\\}\\})/[^\\s\"'<>\\\\]*|/[^/\\\\\\s\"'<>][^\\s\"'<>\\\\]*|\\{\\{[^{}]+\\}\\})$"
            ],
            "errorMessage": "Use a path on your site such as /yespo-autotrack.min.js, or an https:// address."
          }
        ]
      },
      {
        "type": "CHECKBOX",
        "name": "debug",
        "checkboxText": "Debug mode: the bundle loads its debug build and logs every event; the tag logs what it does in Preview",
        "simpleValueType": true,
        "defaultValue": false
      }
    ]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

// yespo-autotrack tag: window.yespoConfig from the fields, then the shop's copy of the bundle.
const setInWindow = require('setInWindow');
const injectScript = require('injectScript');
const logToConsole = require('logToConsole');
const makeString = require('makeString');

const HEX = '0123456789abcdefABCDEF';
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SITE = ALNUM + '._-';
const HOST = ALNUM + '.-:';
const NOT_IN_URL = ' \t\r\n"\'<>\\';
const debug = data.debug === true;

const log = (message) => {
  if (debug) logToConsole('[yespo-autotrack tag] ' + message);
};

/** A field's value as trimmed text; '' when the field is empty or unset. */
const text = (value) => (value === undefined || value === null ? '' : makeString(value).trim());

const only = (value, allowed) => {
  for (let i = 0; i < value.length; i++) {
    if (allowed.indexOf(value.charAt(i)) < 0) return false;
  }
  return true;
};

const none = (value, forbidden) => {
  for (let i = 0; i < value.length; i++) {
    if (forbidden.indexOf(value.charAt(i)) >= 0) return false;
  }
  return true;
};

/** Hexadecimal groups joined by single hyphens, at most 64 characters. */
const isScriptId = (id) =>
  id.length > 0 && id.length <= 64 && only(id, HEX + '-') &&
  id.charAt(0) !== '-' && id.charAt(id.length - 1) !== '-' && id.indexOf('--') < 0;

const isSiteId = (id) => id.length > 0 && id.length <= 128 && only(id, SITE);

/** https://host[:port]/path, or a root-relative /path (never //host, which would leave the site). */
const isBundleUrl = (url) => {
  if (url.length === 0 || url.length > 2048 || !none(url, NOT_IN_URL)) return false;
  if (url.indexOf('https://') === 0) {
    const slash = url.indexOf('/', 8);
    return slash > 8 && only(url.charAt(8), ALNUM) && only(url.substring(8, slash), HOST);
  }
  return url.length > 1 && url.charAt(0) === '/' && url.charAt(1) !== '/';
};

const scriptId = text(data.scriptId);
const siteId = text(data.siteId);
const transport = text(data.transport) || 'es';
const consent = text(data.consent) || 'granted';
const bundleUrl = text(data.bundleUrl);

let problem = '';
if (transport !== 'es' && transport !== 'rest' && transport !== 'auto') {
  problem = 'transport must be es, rest or auto, not "' + transport + '"';
} else if (consent !== 'granted' && consent !== 'pending') {
  problem = 'consent must be granted or pending, not "' + consent + '"';
} else if (scriptId === '' && transport !== 'rest') {
  problem = 'the script ID is required for the ' + transport + ' transport';
} else if (scriptId !== '' && !isScriptId(scriptId)) {
  problem = 'the script ID "' + scriptId + '" is not a Yespo script id (hexadecimal digits)';
} else if (siteId === '' && transport !== 'es') {
  problem = 'the site ID is required for the ' + transport + ' transport';
} else if (siteId !== '' && !isSiteId(siteId)) {
  problem = 'the site ID "' + siteId + '" has characters other than letters, digits, . _ -';
} else if (!isBundleUrl(bundleUrl)) {
  problem = 'the bundle URL "' + bundleUrl + '" is neither a /path on this site nor an https:// address';
}

if (problem !== '') {
  log('not loaded: ' + problem);
  data.gtmOnFailure();
} else {
  const config = {};
  if (scriptId !== '') config.scriptId = scriptId;
  if (siteId !== '') config.siteId = siteId;
  config.transport = transport;
  config.consent = consent;
  if (debug) config.debug = true;

  if (setInWindow('yespoConfig', config, true)) {
    log('window.yespoConfig set; loading ' + bundleUrl);
    injectScript(bundleUrl, data.gtmOnSuccess, data.gtmOnFailure, bundleUrl);
  } else {
    log('not loaded: window.yespoConfig could not be set');
    data.gtmOnFailure();
  }
}


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "access_globals",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "yespoConfig"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "inject_script",
        "versionId": "1"
      },
      "param": [
        {
          "key": "urls",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "https://*/yespo-autotrack.min.js"
              },
              {
                "type": 1,
                "string": "https://*/yespo-autotrack.core.min.js"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "logging",
        "versionId": "1"
      },
      "param": [
        {
          "key": "environments",
          "value": {
            "type": 1,
            "string": "debug"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___TESTS___

scenarios:
- name: eS transport sets only the filled fields and loads the shop's bundle
  code: |-
    const mockData = {
      scriptId: ' 000000000000000000 ',
      siteId: '',
      transport: 'es',
      consent: 'granted',
      debug: false,
      bundleUrl: '/yespo-autotrack.min.js'
    };
    let injected;
    mock('injectScript', function(url, onSuccess, onFailure, cacheToken) {
      injected = { url: url, cacheToken: cacheToken };
      onSuccess();
    });

    runCode(mockData);

    assertApi('setInWindow').wasCalledWith('yespoConfig', {
      scriptId: '000000000000000000',
      transport: 'es',
      consent: 'granted'
    }, true);
    assertThat(injected).isEqualTo({
      url: '/yespo-autotrack.min.js',
      cacheToken: '/yespo-autotrack.min.js'
    });
    assertApi('logToConsole').wasNotCalled();
    assertApi('gtmOnSuccess').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
- name: REST transport with pending consent and debug passes every field
  code: |-
    const mockData = {
      scriptId: '',
      siteId: 'DEMO-SITE',
      transport: 'rest',
      consent: 'pending',
      debug: true,
      bundleUrl: 'https://static.shop.example/js/yespo-autotrack.min.js'
    };
    mock('injectScript', function(url, onSuccess) {
      assertThat(url).isEqualTo('https://static.shop.example/js/yespo-autotrack.min.js');
      onSuccess();
    });

    runCode(mockData);

    assertApi('setInWindow').wasCalledWith('yespoConfig', {
      siteId: 'DEMO-SITE',
      transport: 'rest',
      consent: 'pending',
      debug: true
    }, true);
    assertApi('logToConsole').wasCalled();
    assertApi('gtmOnSuccess').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
- name: auto transport sends both ids
  code: |-
    mock('injectScript', function(url, onSuccess) {
      onSuccess();
    });

    runCode({
      scriptId: '5a2c-01ff',
      siteId: 'shop_1.eu',
      transport: 'auto',
      consent: 'granted',
      debug: false,
      bundleUrl: '/assets/yespo-autotrack.min.js'
    });

    assertApi('setInWindow').wasCalledWith('yespoConfig', {
      scriptId: '5a2c-01ff',
      siteId: 'shop_1.eu',
      transport: 'auto',
      consent: 'granted'
    }, true);
    assertApi('gtmOnSuccess').wasCalled();
- name: the bundle on the shop's own https host passes the inject_script permission
  code: |-
    runCode({
      scriptId: '123456789012345678',
      transport: 'es',
      consent: 'granted',
      debug: false,
      bundleUrl: 'https://www.shop.example/yespo-autotrack.min.js'
    });

    assertApi('setInWindow').wasCalled();
    assertApi('injectScript').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
- name: a bundle that does not load fails the tag
  code: |-
    mock('injectScript', function(url, onSuccess, onFailure) {
      onFailure();
    });

    runCode({
      scriptId: '123456789012345678',
      transport: 'es',
      consent: 'granted',
      debug: false,
      bundleUrl: '/yespo-autotrack.min.js'
    });

    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
- name: eS and auto transports need a script ID
  code: |-
    const fields = function(transport, scriptId) {
      return {
        scriptId: scriptId,
        siteId: 'DEMO-SITE',
        transport: transport,
        consent: 'granted',
        debug: true,
        bundleUrl: '/yespo-autotrack.min.js'
      };
    };

    runCode(fields('es', ''));
    runCode(fields('auto', '   '));
    runCode(fields('es', undefined));

    assertApi('gtmOnFailure').wasCalled();
    assertApi('logToConsole').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
    assertApi('setInWindow').wasNotCalled();
    assertApi('injectScript').wasNotCalled();
- name: a script ID that is not a Yespo id fails the tag
  code: |-
    const ids = ['my-store', '12 34', '-12', '12-', '12--34', '"></script>', '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0'];
    for (let i = 0; i < ids.length; i++) {
      runCode({
        scriptId: ids[i],
        transport: 'es',
        consent: 'granted',
        debug: false,
        bundleUrl: '/yespo-autotrack.min.js'
      });
    }

    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
    assertApi('setInWindow').wasNotCalled();
    assertApi('injectScript').wasNotCalled();
- name: REST and auto transports need a valid site ID
  code: |-
    runCode({ scriptId: '1', siteId: '', transport: 'rest', consent: 'granted', bundleUrl: '/yespo-autotrack.min.js' });
    runCode({ scriptId: '1', transport: 'auto', consent: 'granted', bundleUrl: '/yespo-autotrack.min.js' });
    runCode({ scriptId: '1', siteId: 'my shop', transport: 'rest', consent: 'granted', bundleUrl: '/yespo-autotrack.min.js' });

    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
    assertApi('setInWindow').wasNotCalled();
    assertApi('injectScript').wasNotCalled();
- name: a bundle URL that is neither https nor a path on the site fails the tag
  code: |-
    const urls = [
      'http://www.shop.example/yespo-autotrack.min.js',
      '//cdn.example/yespo-autotrack.min.js',
      '/\\cdn.example/yespo-autotrack.min.js',
      'javascript:alert(1)',
      'yespo-autotrack.min.js',
      'https:///yespo-autotrack.min.js',
      'https://www.shop.example',
      '/yespo autotrack.min.js',
      ''
    ];
    for (let i = 0; i < urls.length; i++) {
      runCode({ scriptId: '1', transport: 'es', consent: 'granted', bundleUrl: urls[i] });
    }

    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
    assertApi('setInWindow').wasNotCalled();
    assertApi('injectScript').wasNotCalled();
- name: an unknown transport or consent value fails the tag
  code: |-
    runCode({ scriptId: '1', siteId: 'S', transport: 'beacon', consent: 'granted', bundleUrl: '/yespo-autotrack.min.js' });
    runCode({ scriptId: '1', transport: 'es', consent: 'denied', bundleUrl: '/yespo-autotrack.min.js' });

    assertApi('gtmOnFailure').wasCalled();
    assertApi('setInWindow').wasNotCalled();
    assertApi('injectScript').wasNotCalled();
setup: ''


___NOTES___

yespo-autotrack tag template. Kept in the yespo-autotrack repository under gtm/; the offline
runner in test/gtm/runner.ts runs the tests above and enforces the permissions above.
