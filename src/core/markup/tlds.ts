/**
 * Top-level domains recognised for bare (not defanged) domain names.
 *
 * Not the full IANA root zone (~1,450 names, most never seen in reports): the country-code TLDs,
 * the legacy generic ones, and the new gTLDs that show up in threat reporting. A defanged name
 * (`evil[.]anything`) is accepted with any alphabetic TLD, since defanging is an explicit signal.
 */

/** ISO 3166 country-code TLDs in use (plus ac, eu, su, uk). */
const CC_TLDS =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ' +
  'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk ' +
  'fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir ' +
  'is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ' +
  'ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl ' +
  'pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc ' +
  'td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw';

/** Legacy and new generic TLDs common in reporting (and `onion`, which is not in the root zone). */
const G_TLDS =
  'com net org info biz gov mil edu int arpa name pro aero asia cat coop jobs mobi museum tel travel xxx post ' +
  'xyz top online site club live shop store app dev cloud tech icu vip work link click space website fun ' +
  'buzz today world life news email digital network services solutions support host press blog page win bid ' +
  'loan download review racing stream trade date party science men cam monster rest bar best cyou sbs cfd ' +
  'quest lol mom uno ink one zone tools agency center company global group media ltd gdn kim ren ' +
  'zip mov run cab security systems software technology tokyo moscow london berlin wiki vpn services ' +
  'pics pictures photos bond autos boats homes motorcycles skin hair beauty makeup lat ' +
  'google microsoft apple amazon yahoo onion';

/**
 * TLDs that are also common file extensions (`report.md`, `setup.py`, `install.sh`, `lib.so`,
 * `archive.zip`, `Calculator.app`). A bare, undefanged `name.ext` with one of these is not taken as a
 * domain; the defanged form (`evil[.]sh`), a URL (`https://evil.sh/x`) and an e-mail address are.
 */
const FILE_EXTENSION_TLDS =
  'md py sh rs so pl pm zip mov ps ai cc ml mk am ac in as sv ly sc app run cab cat bz ' +
  // also common property names in code quoted in reports: `e.name`, `glob.stream`, `req.post`, `x.date`
  'name stream post date';

/**
 * First labels that make a bare two-label name a property access in quoted code, not a domain:
 * `this.post`, `console.info`, `window.top`, `document.link`. Defanged names are always domains.
 */
export const CODE_RECEIVERS: readonly string[] = (
  'this self console window document process module exports require util path os fs json math ' +
  'object array string number promise err error event evt req res ctx obj node el args opts options ' +
  'config item child parent wrapper target'
).split(' ');

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w.length > 0);
}

export const TLDS: readonly string[] = Array.from(new Set([...words(CC_TLDS), ...words(G_TLDS)])).sort();
export const TLD_SET: ReadonlySet<string> = new Set(TLDS);
export const FILE_EXTENSION_TLD_SET: ReadonlySet<string> = new Set(words(FILE_EXTENSION_TLDS));
