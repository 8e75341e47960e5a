Creator "citegraph 0.1.0"
graph [
  directed 1
  node [
    id 0
    label "A/RES/55/25"
    kind "resolution"
    body "GA"
    year 2000
    cited 1
  ]
  node [
    id 1
    label "A/RES/64/293"
    kind "resolution"
    body "GA"
    title "United Nations Global Plan of Action to Combat Trafficking in Persons"
    date "2010-07-30"
    year 2010
    cited 0
  ]
  node [
    id 2
    label "A/RES/74/176"
    kind "resolution"
    body "GA"
    title "Improving the coordination of efforts against trafficking in persons"
    date "2019-12-18"
    year 2019
    cited 0
  ]
  node [
    id 3
    label "S/RES/2331(2016)"
    kind "resolution"
    body "SC"
    year 2016
    cited 1
  ]
  node [
    id 4
    label "UNTS/2237/39574"
    kind "treaty"
    body "UNTS"
    title "Protocol to Prevent, Suppress &amp; Punish &quot;Trafficking&quot; <Palermo>"
    year 0
    cited 1
  ]
  edge [
    source 1
    target 0
    verb "recalling"
    part "preamble"
    para "pp1"
    locator "annex I"
    weight 1
  ]
  edge [
    source 2
    target 1
    verb "recalling;requests"
    part "preamble;operative"
    para "pp2;op3"
    locator "para. 26"
    weight 2
  ]
  edge [
    source 2
    target 3
    verb "welcoming"
    part "preamble"
    para "pp5"
    weight 1
  ]
  edge [
    source 2
    target 4
    verb "reaffirming"
    part "preamble"
    para "pp3"
    weight 1
  ]
]
