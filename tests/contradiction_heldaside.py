"""Held-aside pairs of the self-contradiction rule, written for the second session of 2026-11-30 with
vocabulary the tune cases lack (a village, its mill, ferry and chapel): per class of case (antonyms and
states, absolute claims, numbers bound to their noun, NLI-style predicates), contradicting pairs and
controls of the same shapes. Not collected by pytest; run: .venv/bin/python tests/contradiction_heldaside.py
[-v]. At 7b698d3: 30/42 found, 0/40 controls flagged."""
from pathlib import Path
import sys
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'src'))
from prose_lint.parse import parse_source
from prose_lint.source import Source
from prose_lint.checks.contradiction.rule import find_contradictions
FILL = ("The valley has long drawn walkers from the coast. Its villages keep a small museum of farm tools. "
        "Visitors often stop at the bakery near the square. The local choir meets on Thursday evenings. "
        "A narrow road climbs to the old quarry above the river.")
PAIRS = {
 'antonym': [
  ("The lighthouse keeper's cottage was visible from the harbour.", "The lighthouse keeper's cottage was invisible from the harbour."),
  ("The ferry timetable proved reliable throughout the winter.", "The ferry timetable proved unreliable throughout the winter."),
  ("The shepherd's advice was helpful to the new tenants.", "The shepherd's advice was useless to the new tenants."),
  ("The orchard's pear harvest rose sharply last autumn.", "The orchard's pear harvest fell sharply last autumn."),
  ("The tannery expanded its workforce during the decade.", "The tannery shrank its workforce during the decade."),
  ("The village bakery opened its second shop on the quay.", "The village bakery closed its second shop on the quay."),
  ("The rowing club won the regatta on the estuary.", "The rowing club lost the regatta on the estuary."),
  ("The parish council accepted the miller's petition.", "The parish council rejected the miller's petition."),
  ("Water in the old quarry pond is shallow near the path.", "Water in the old quarry pond is deep near the path."),
  ("The blacksmith's forge was legal under the county charter.", "The blacksmith's forge was illegal under the county charter."),
  ("The cooperative gained members after the flood.", "The cooperative lost members after the flood."),
  ("Attendance at the harvest fair was higher than in the previous decade.", "Attendance at the harvest fair was lower than in the previous decade."),
 ],
 'absolute': [
  ("A heron nests in the reeds below the mill every spring.", "No bird has ever nested in the reeds below the mill."),
  ("The weaver sold three tapestries to the abbey.", "The weaver never sold a single tapestry to the abbey."),
  ("Several fishermen drowned off the northern reef.", "Not a single fisherman has drowned off the northern reef."),
  ("The bridge toll was raised twice by the trustees.", "The trustees have never raised the bridge toll."),
  ("One of the quarrymen was injured by the collapse.", "None of the quarrymen was injured by the collapse."),
  ("The chapel also has a smaller organ in the crypt.", "The organ in the gallery is the only organ in the chapel."),
  ("Some of the cottages on the ridge lack running water.", "Every cottage on the ridge has running water."),
  ("Somebody climbed the north face of the tor in 1911.", "Nobody has ever climbed the north face of the tor."),
  ("The archive holds letters from the founder's sister.", "The archive holds nothing from the founder's sister."),
  ("The ferry sometimes leaves late in foggy weather.", "The ferry always leaves on time, whatever the weather."),
 ],
 'number': [
  ("The granary, which the monks rebuilt after the fire, cost 900 pounds.", "The monks spent 1,400 pounds on rebuilding the granary after the fire."),
  ("The viaduct has 23 arches across the gorge.", "Across the gorge, the viaduct stands on 31 arches."),
  ("The tithe barn was built in 1412 by the abbot.", "The abbot built the tithe barn in 1468."),
  ("The lifeboat crew rescued 14 sailors from the brig.", "Fourteen? No: 9 sailors were rescued from the brig by the lifeboat crew."),
  ("The mill pond, a reservoir of 40 acres, feeds the wheel.", "The wheel is fed by the mill pond, which covers 75 acres."),
  ("The cathedral spire is 123 metres tall.", "At 98 metres, the cathedral spire is tall."),
  ("The tramway opened in 1887 between the two villages.", "The tramway between the two villages opened in 1902."),
  ("The school enrolled 212 pupils in its first year.", "In its first year, 340 pupils were enrolled by the school."),
  ("The brewery, founded in 1790, still uses its first cellar.", "The brewery was founded in 1824 and still uses its first cellar."),
  ("The choir has 48 singers this season.", "This season the choir counts 61 singers."),
 ],
 'nli': [
  ("The old fisherman is sitting on the harbour wall.", "The old fisherman is standing on the harbour wall."),
  ("A man is slicing bread in the bakery kitchen.", "A woman is slicing bread in the bakery kitchen."),
  ("The miller's dog is sleeping beside the hearth.", "The miller's dog is running beside the hearth."),
  ("The children are laughing in the schoolyard.", "The children are crying in the schoolyard."),
  ("The gate to the orchard is open during the day.", "The gate to the orchard is shut during the day."),
  ("The ferry is empty on weekday mornings.", "The ferry is crowded on weekday mornings."),
  ("The shepherd is walking up the hill with his flock.", "The shepherd is riding up the hill with his flock."),
  ("The river is frozen at the ford this week.", "The river is flowing at the ford this week."),
  ("The miller's daughter is a girl of twelve.", "The miller's daughter is a boy of twelve."),
  ("The lamp in the chapel window is lit at night.", "The lamp in the chapel window is dark at night."),
 ],
}
CONTROLS = {
 'antonym': [
  ("The lighthouse keeper's cottage was visible from the harbour.", "The keeper's shed was invisible from the harbour."),
  ("The orchard's pear harvest rose sharply last autumn.", "The orchard's apple harvest fell sharply last autumn."),
  ("The village bakery opened its second shop on the quay.", "The village butcher closed his second shop on the quay."),
  ("The rowing club won the regatta on the estuary.", "The sailing club lost the regatta on the estuary."),
  ("The parish council accepted the miller's petition.", "The parish council rejected the tanner's petition."),
  ("Water in the old quarry pond is shallow near the path.", "Water in the old quarry pond is deep near the cliff."),
  ("The cooperative gained members after the flood.", "The cooperative lost members after the war."),
  ("Attendance at the harvest fair was higher in 1950.", "Attendance at the harvest fair was lower in 1990."),
  ("The ferry timetable proved reliable throughout the winter.", "The bus timetable proved unreliable throughout the winter."),
  ("The tannery expanded its workforce during the war.", "The tannery shrank its workforce after the war."),
 ],
 'absolute': [
  ("A heron nests in the reeds below the mill every spring.", "No eagle has ever nested in the reeds below the mill."),
  ("The weaver sold three tapestries to the abbey.", "The weaver never sold a single tapestry to the castle."),
  ("The bridge toll was raised twice by the trustees.", "The trustees have never lowered the bridge toll."),
  ("The chapel has a smaller organ in the crypt.", "The gallery holds the only harp in the chapel."),
  ("Somebody climbed the north face of the tor in 1911.", "Nobody has ever climbed the south face of the crag."),
  ("The archive holds letters from the founder's sister.", "The archive holds nothing from the founder's brother."),
  ("Several fishermen drowned off the northern reef.", "Not a single fisherman has drowned off the southern shoal."),
  ("One of the quarrymen was injured by the collapse.", "None of the masons was injured by the storm."),
  ("Some of the cottages on the ridge lack a garden.", "Every cottage on the ridge has running water."),
  ("The ferry sometimes leaves late in foggy weather.", "The train always leaves on time, whatever the weather."),
 ],
 'number': [
  ("The granary, which the monks rebuilt after the fire, cost 900 pounds.", "The monks spent 1,400 pounds on the new chapel roof."),
  ("The viaduct has 23 arches across the gorge.", "Across the valley, the aqueduct stands on 31 arches."),
  ("The tithe barn was built in 1412 by the abbot.", "The abbot built the guest house in 1468."),
  ("The cathedral spire is 123 metres tall.", "The cathedral nave is 98 metres long."),
  ("The tramway opened in 1887 between the two villages.", "The tramway was extended to the coast in 1902."),
  ("The school enrolled 212 pupils in its first year.", "In its tenth year, 340 pupils were enrolled by the school."),
  ("The brewery, founded in 1790, still uses its first cellar.", "The distillery was founded in 1824 and still uses its first cellar."),
  ("The choir has 48 singers this season.", "The orchestra counts 61 players this season."),
  ("The mill pond, a reservoir of 40 acres, feeds the wheel.", "The farm beside the mill covers 75 acres."),
  ("The lifeboat crew rescued 14 sailors from the brig.", "The lifeboat crew rescued 9 sailors from the schooner."),
 ],
 'nli': [
  ("The old fisherman is sitting on the harbour wall.", "The young boy is standing on the harbour wall."),
  ("A man is slicing bread in the bakery kitchen.", "A woman is kneading dough in the bakery kitchen."),
  ("The miller's dog is sleeping beside the hearth.", "The miller's cat is running beside the hearth."),
  ("The children are laughing in the schoolyard.", "The teachers are talking in the schoolyard."),
  ("The gate to the orchard is open during the day.", "The gate to the orchard is shut during the night."),
  ("The ferry is empty on weekday mornings.", "The ferry is crowded on weekend afternoons."),
  ("The shepherd is walking up the hill with his flock.", "The shepherd is resting on the hill with his flock."),
  ("The river is frozen at the ford this week.", "The river is high at the ford this week."),
  ("The miller's daughter is a girl of twelve.", "The miller's son is a boy of twelve."),
  ("The lamp in the chapel window is lit at night.", "The lamp in the chapel porch is dark at night."),
 ],
}
def run(a, b):
    text = f"# The valley\n\n{a} {FILL}\n\nThe market sells cheese and wool. The inn is busy in summer. The path is steep.\n\n{b}\n"
    doc = parse_source(Source('x.md', text))
    return find_contradictions(doc)
tot = [0, 0, 0, 0]
for cls in PAIRS:
    hit = [run(a, b) for a, b in PAIRS[cls]]
    fp = [run(a, b) for a, b in CONTROLS[cls]]
    nh, nf = sum(bool(h) for h in hit), sum(bool(f) for f in fp)
    tot[0] += nh; tot[1] += len(hit); tot[2] += nf; tot[3] += len(fp)
    print(f"{cls}: found {nh}/{len(hit)}, controls flagged {nf}/{len(fp)}")
    if '-v' in sys.argv:
        for (a, b), h in zip(PAIRS[cls], hit):
            if not h: print('   MISS', b)
        for (a, b), f in zip(CONTROLS[cls], fp):
            if f: print('   FP', b, '|', f[0][2])
print('total', tot)
