"""Common Chinese surnames, as data: a personal name is one of these plus one to three characters.

Single-character surnames in Simplified and Traditional forms (the most common few hundred of
the mainland, Hong Kong, Macau and Taiwan registers), then compound ones. Characters that are
far more often the start of an ordinary word than a surname (国, 全, 来, 时 …) are left out, so
that words of a byline row (``发表``, ``更新``, ``全文``) are never taken for a name.
"""

from __future__ import annotations

SINGLE = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤穆司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟"
    "冼蔺楼盘满闻厉伊仝郜阚权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄索宣晋容敬扈晁芮阙浦戈伏鹿薄邸雍辜羊阿乌裘亓邰赫杭况鲜逯隆茹诸战慕亢嵇哈湛宾戎勾茅呼尉阴昝尧"
    # rarer ones (阳: common in Hunan, 邵阳 above all)
    "阳宓孝蔚訾阎郦酆逄璩蓟邴糜怀伦钮颉禄郗湛眭嵇乜郏濮仉厍暴蹇戢沃荀寿鄂谯苻暨竺乐正红洪赖萧丘揭汝隗沐靖"
    "檀禤缑笪钭"  # of the Anhui, Guangxi, Henan and Zhejiang registers
    "傅庾"  # 傅 is among the hundred most common; it had been left out
    # Traditional forms
    "張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蔣葉蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔萬錢嚴湯溫齊喬龐顏莊聶魯歐關蘭寧紀畢單塗駱藍鮑華饒繆簡車項連蘆麥婁竇黨宮費衛應閔鄔邊師欒榮叢鞏遲鄺談荊樂儲勞諶藺樓盤"
    "滿聞厲闞權強帥樸蓋練豐晉闕烏況鮮諸戰賓陰堯衞賴蕭"
)
COMPOUND = frozenset({
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐",
    "端木", "澹台", "西门", "南宫", "独孤", "万俟", "闻人", "东郭", "呼延", "百里", "钟离", "申屠", "公羊", "赫连", "拓跋",
    "范姜", "张简", "张廖", "公孫", "南宮", "司馬", "尉遲", "張廖", "張簡", "東方", "東郭", "歐陽", "澹臺", "獨孤", "聞人",
    "西門", "諸葛", "赫連", "軒轅", "鍾離", "長孫",
})
