Creator "citegraph 0.1.0"
graph [
  directed 1
  node [
    id 0
    label "A/RES/1&quot;q\"
    kind "resolution"
    body "GA"
    title "Title &quot;quoted&quot; &amp; <tagged> ]]> \ &#65533;"
    date "2001-01-01"
    year 2001
    cited 0
  ]
  node [
    id 1
    label "tab&#9;here&#13;&#10;"
    kind "report"
    body "GA"
    year 0
    cited 1
  ]
  node [
    id 2
    label "tab here  "
    kind "report"
    body "GA"
    year 0
    cited 1
  ]
  node [
    id 3
    label "trailing\"
    kind "report"
    body "GA"
    year 0
    cited 1
  ]
  node [
    id 4
    label "x&#10;y\\z <&amp;]]> ' &quot; &#65533;&#65533;&#127; end&#65533;&#65533; &#65533;( &#65533;"
    kind "kind&#65533;"
    body "body&#65533;"
    title "title&#10;&#65533;[31m"
    year 0
    cited 0
  ]
  edge [
    source 0
    target 1
    verb "v"
    weight 1
  ]
  edge [
    source 0
    target 2
    verb "v"
    weight 1
  ]
  edge [
    source 0
    target 3
    verb "v\"
    weight 1
  ]
  edge [
    source 0
    target 4
    verb "verb&quot;\"
    part "part<"
    para "para&amp;"
    locator "loc]]>"
    weight 1
  ]
  edge [
    source 4
    target 0
    verb "recalling"
    weight 1
  ]
]
