/**
 * Words too common to tell articles apart, folded (no accents), French and English together: a
 * customer's "je n'ai pas recu mon colis" is about "recu" and "colis". Question words that name a topic
 * stay ("combien", "when", "where"): the articles' titles use them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  // French
  (
    'le la les un une des du de au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos ' +
    'leur leurs je tu il elle on nous vous ils elles me te se moi toi lui en est suis es sont etre ai as a ' +
    'avons avez ont avoir et ou mais donc car ni que qui quoi dont quand comme si sur sous dans par pour avec ' +
    'sans chez ne pas plus tres bien fait faire faut peux peut pouvez puis veux voudrais svp stp merci bonjour ' +
    'salut hello bonsoir alors ca cela ceci ya deja encore aussi tout tous toute toutes quel quelle quels ' +
    'quelles est-ce ete etait vais va vont allez avais avait sera serait cest jai jsuis jsp quoi ' +
    // French chat filler: words that say how, not what
    'comment normal normalement urgent svp stp possible genre truc trucs savoir voila ok oui non dois ' +
    // English
    'the an of to in on at by for with from and or but so if is are was were be been being am do does did ' +
    'have has had having it its this that these those my your our their his her me you we they he she them ' +
    'us what which who whom can could would should will shall may might must please thanks thank hi hey ' +
    'hello there here just still also very really get got im ive dont cant wont didnt doesnt isnt about ' +
    'any some all how yet ' +
    // English chat filler
    'pls plz asap urgent normal stuff thing things ok okay yes no need want like know way'
  ).split(/\s+/),
);
