// Prints the rule ids of the installed LanguageTool (run by prose_lint/languagetool/ruleids.py as a
// single-file source program: java -cp <jars> ListRules.java en). The HTTP server has no list of rules.
// Arguments: primary language codes; every variant of each (en: en, en-US, en-GB, en-AU...) is listed.
// Output lines: "RULE<TAB>id<TAB>issue type" (other lines, e.g. logging, are ignored by the caller).
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;

public class ListRules {
  public static void main(String[] args) throws Exception {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Language lang : Languages.get()) {
      String code = lang.getShortCodeWithCountryAndVariant();
      boolean wanted = false;
      for (String primary : args) {
        wanted |= code.equals(primary) || code.startsWith(primary + "-");
      }
      if (!wanted) {
        continue;
      }
      for (Rule rule : new JLanguageTool(lang).getAllRules()) {
        String line = "RULE\t" + rule.getId() + "\t" + rule.getLocQualityIssueType();
        if (seen.add(line)) {
          System.out.println(line);
        }
      }
    }
    System.out.println("DONE");
  }
}
